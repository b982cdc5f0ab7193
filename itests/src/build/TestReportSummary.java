import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints Surefire-style "Tests run:" lines, one per test class and a total, for the JUnit XML reports under a folder
 * (bnd-testing writes them but prints no counts). Fails when no test ran, so a run that tested nothing cannot pass
 * quietly, or when one failed. Run as a single-file program:
 * java TestReportSummary.java target/test-reports [true when tests were skipped (maven.test.skip)]
 */
public class TestReportSummary {

    /** tests, failures, errors, skipped */
    record Counts(int tests, int failures, int errors, int skipped) {
        Counts plus(Counts o) {
            return new Counts(tests + o.tests, failures + o.failures, errors + o.errors, skipped + o.skipped);
        }

        String line() {
            return "Tests run: %d, Failures: %d, Errors: %d, Skipped: %d".formatted(tests, failures, errors, skipped);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && Boolean.parseBoolean(args[1])) {
            return;
        }
        Path dir = Path.of(args[0]);
        List<Path> reports;
        try (Stream<Path> files = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
            reports = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        Map<String, Counts> byClass = new TreeMap<>();
        var factory = DocumentBuilderFactory.newInstance();
        for (Path report : reports) {
            NodeList cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element test = (Element) cases.item(i);
                Counts one = new Counts(1, has(test, "failure"), has(test, "error"), has(test, "skipped"));
                byClass.merge(test.getAttribute("classname"), one, Counts::plus);
            }
        }
        Counts total = new Counts(0, 0, 0, 0);
        for (var entry : byClass.entrySet()) {
            System.out.println("[INFO] " + entry.getValue().line() + " - in " + entry.getKey());
            total = total.plus(entry.getValue());
        }
        System.out.println("[INFO] In-framework tests (bnd-testing, " + dir.getFileName() + "):");
        System.out.println("[INFO] " + total.line());
        if (total.tests() == 0 || total.failures() + total.errors() > 0) {
            System.out.println("[ERROR] " + (total.tests() == 0 ? "no in-framework test ran" : "in-framework tests failed"));
            System.exit(1);
        }
    }

    private static int has(Element test, String child) {
        return test.getElementsByTagName(child).getLength() > 0 ? 1 : 0;
    }
}
