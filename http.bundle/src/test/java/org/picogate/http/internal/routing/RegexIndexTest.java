package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.picogate.http.Handler;

/**
 * Regex routes through the index: a path finds the same route a scan of every regex in order would, across
 * segments of the trie and the root's list alike; only the candidates under the path's segments are run.
 */
class RegexIndexTest extends RouteTableFixture {
    private final RouteProvider high = new RouteProvider(11, 5, "high [6]");

    private Handler served(String path) {
        Lookup l = lookup("GET", path);
        assertThat(l).as(path).isInstanceOf(Lookup.Found.class);
        return ((Lookup.Found) l).route().handler();
    }

    @Test
    void theLongerLiteralPrefixWinsAcrossTrieLevelsAndTheRootList() {
        Handler any = handler();
        Handler files = handler();
        Handler deep = handler();
        Handler filesNamed = handler();
        Handler alternation = handler();
        declare(app, r -> r.regex("GET", "/.*", any) // root list: literal "/"
                .regex("GET", "/files/.*", files) // under files
                .regex("GET", "/files/img/(.+)\\.png", deep) // under files/img
                .regex("GET", "/files/img-(.+)", filesNamed) // under files, literal "/files/img-"
                .regex("GET", "/x/1|/files/img/a\\.png", alternation)); // root list: no literal start

        assertThat(served("/files/img/a.png")).isSameAs(deep); // 13 literal characters beat 11 and 1
        assertThat(served("/files/img/a.gif")).isSameAs(files);
        assertThat(served("/files/img-7")).isSameAs(filesNamed);
        assertThat(served("/files")).isSameAs(any);
        assertThat(served("/x/1")).isSameAs(alternation);
        assertThat(served("/other/thing")).isSameAs(any);
    }

    @Test
    void ofTwoRegexesWithEqualLiteralPrefixesTheHigherRankingWinsAlsoFromTheRootList() {
        Handler deeper = handler();
        Handler inRoot = handler();
        declare(app, r -> r.regex("GET", "/a(/.*)?", deeper)); // literal "/a", closes segment a: under a
        declare(high, r -> r.regex("GET", "/a.*", inRoot)); // literal "/a", segment open: in the root list
        assertThat(served("/a/x")).isSameAs(inRoot);
        assertThat(served("/ab")).isSameAs(inRoot);
        table.remove(high, 0);
        assertThat(served("/a/x")).isSameAs(deeper);
        assertThat(lookup("GET", "/ab")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void equalRegexesRankByServiceRankingAndTheOtherTakesOver() {
        Handler low = handler();
        Handler top = handler();
        declare(app, r -> r.regex("GET", "/r/(\\d+)", low));
        declare(high, r -> r.regex("GET", "/r/(\\d+)", top));
        assertThat(served("/r/1")).isSameAs(top);
        table.remove(high, 0); // vacancy closes at once: deadline 0
        assertThat(served("/r/1")).isSameAs(low);
    }

    @Test
    void aRegexThatMatchesWithAnotherMethodGives405AndTheStaticFilesOfAnAppAreIndexed() {
        declare(app, r -> r.regex("POST", "/cmd/(\\w+)", handler()).statics("/css", java.nio.file.Path.of(".")));
        assertThat(lookup("GET", "/cmd/reboot")).isEqualTo(new Lookup.NotAllowed("POST, OPTIONS"));
        assertThat(lookup("GET", "/css/site.css")).isInstanceOf(Lookup.Found.class);
        assertThat(lookup("GET", "/css")).isInstanceOf(Lookup.Found.class);
        assertThat(lookup("GET", "/cssx")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void aThousandRegexRoutesEachFindTheirOwnWithGroups() {
        List<Handler> handlers = new ArrayList<>();
        declare(app, r -> {
            for (int i = 0; i < 1000; i++) {
                Handler h = handler();
                handlers.add(h);
                r.regex("GET", "/dev" + i + "/reading/(?<n>\\d+)", h);
            }
        });
        for (int i = 0; i < 1000; i += 37) {
            Lookup.Found f = (Lookup.Found) lookup("GET", "/dev" + i + "/reading/" + i);
            assertThat(f.route().handler()).isSameAs(handlers.get(i));
            assertThat(f.params()).isEqualTo(Map.of("n", Integer.toString(i), "1", Integer.toString(i)));
        }
        assertThat(lookup("GET", "/dev5/reading/x")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void onlyTheCandidatesUnderThePathsSegmentsAndTheRootAreProbed() {
        List<String> probed = new ArrayList<>();
        List<String> regexes = List.of("/a/(.*)", "/b/(.*)", "/b/c/(.*)", "/.*", "(x|/b/c/d)");
        RegexIndex<String> index = new RegexIndex<>(regexes, regexes.stream().map(RegexKey::of).toList());
        String found = index.find("/b/c/d", (route, path) -> {
            probed.add(route);
            return null;
        });
        assertThat(found).isNull();
        // in the given order; "/a/(.*)" is under a, not on the way; "/.*" and the alternation are in the root list
        assertThat(probed).containsExactly("/b/(.*)", "/b/c/(.*)", "/.*", "(x|/b/c/d)");
        String first = index.find("/zzz", (route, path) -> route);
        assertThat(first).isEqualTo("/.*"); // in the root list, its literal "/" fits

        probed.clear();
        List<String> rootFirst = List.of("/.*", "/b/c/(.*)", "/b/(.*)");
        new RegexIndex<>(rootFirst, rootFirst.stream().map(RegexKey::of).toList()).find("/b/c/d", (route, path) -> {
            probed.add(route);
            return null;
        });
        assertThat(probed).containsExactlyElementsOf(rootFirst); // merged across the nodes by rank
    }
}
