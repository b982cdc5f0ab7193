package org.picogate.console.internal.web;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.picogate.http.Form;
import org.picogate.http.Headers;
import org.picogate.http.Request;
import org.picogate.http.Response;

/**
 * A request and a response for handler tests, without a server: dynamic proxies over the few methods the console's
 * guard and pages call; any other call fails the test, so a test cannot pass by accident through a default.
 */
final class Exchange {

    final Map<String, String> requestHeaders = new LinkedHashMap<>();
    final Map<String, String> cookies = new LinkedHashMap<>();
    final Map<String, List<String>> formFields = new LinkedHashMap<>();
    final Map<String, String> responseHeaders = new LinkedHashMap<>();
    final List<String> setCookies = new ArrayList<>();
    String method = "GET";
    String path = "/console/";
    InetSocketAddress remote;
    int status = 200;
    String redirect;
    boolean formRead;
    final java.io.StringWriter body = new java.io.StringWriter();

    Exchange(String remoteAddress) throws Exception {
        remote = new InetSocketAddress(InetAddress.getByName(remoteAddress), 40000);
        requestHeaders.put("Host", "127.0.0.1:8080");
    }

    Exchange post(String path) {
        this.method = "POST";
        this.path = path;
        requestHeaders.put("Content-Type", "application/x-www-form-urlencoded");
        return this;
    }

    Exchange field(String name, String value) {
        formFields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    Request request() {
        Headers headers = (Headers) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Headers.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "first" -> requestHeaders.entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase((String) args[0])).map(Map.Entry::getValue)
                            .findFirst().orElse(null);
                    default -> throw new AssertionError("unexpected Headers." + m.getName());
                });
        Form form = (Form) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Form.class },
                (proxy, m, args) -> switch (m.getName()) {
                    case "field" -> formFields.getOrDefault((String) args[0], List.of()).stream().findFirst()
                            .orElse(null);
                    case "fields" -> args == null ? formFields : formFields.getOrDefault((String) args[0], List.of());
                    default -> throw new AssertionError("unexpected Form." + m.getName());
                });
        return (Request) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Request.class },
                (proxy, m, args) -> switch (m.getName()) {
                    case "method" -> method;
                    case "path" -> path;
                    case "headers" -> headers;
                    case "header" -> headers.first((String) args[0]);
                    case "remoteAddress" -> remote;
                    case "cookie" -> cookies.get((String) args[0]);
                    case "form" -> {
                        formRead = true;
                        yield form;
                    }
                    default -> throw new AssertionError("unexpected Request." + m.getName());
                });
    }

    Response response() {
        return (Response) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Response.class },
                (proxy, m, args) -> switch (m.getName()) {
                    case "header" -> {
                        responseHeaders.put((String) args[0], (String) args[1]);
                        yield proxy;
                    }
                    case "status" -> {
                        if (args == null) {
                            yield status;
                        }
                        status = (Integer) args[0];
                        yield proxy;
                    }
                    case "redirect" -> {
                        status = args.length == 2 ? (Integer) args[0] : 302;
                        redirect = (String) args[args.length - 1];
                        yield null;
                    }
                    case "cookie" -> {
                        setCookies.add(args[0].toString());
                        yield proxy;
                    }
                    case "send" -> {
                        body.write(String.valueOf(args[0]));
                        yield null;
                    }
                    case "contentType" -> proxy;
                    case "writer" -> body;
                    default -> throw new AssertionError("unexpected Response." + m.getName());
                });
    }
}
