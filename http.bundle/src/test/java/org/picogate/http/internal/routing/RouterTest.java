package org.picogate.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.picogate.http.Handler;

/** The router's rules, one by one: matching, specificity, methods, trailing slash, ranking, vacancies. */
class RouterTest extends RouteTableFixture {
    private Lookup.Found found(String method, String path) {
        Lookup l = lookup(method, path);
        assertThat(l).as(method + " " + path).isInstanceOf(Lookup.Found.class);
        return (Lookup.Found) l;
    }

    @Test
    void anExactPathIsFoundAndNothingElse() {
        Handler notes = handler();
        declare(app, r -> r.get("/notes", notes));

        assertThat(found("GET", "/notes").route().handler()).isSameAs(notes);
        assertThat(found("GET", "/notes").params()).isEmpty();
        assertThat(lookup("GET", "/note")).isInstanceOf(Lookup.NotFound.class);
        assertThat(lookup("GET", "/notes/1")).isInstanceOf(Lookup.NotFound.class);
        assertThat(lookup("GET", "/")).isInstanceOf(Lookup.NotFound.class);
        assertThat(lookup("GET", "*")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void theRootIsARouteOfItsOwn() {
        Handler root = handler();
        declare(app, r -> r.get("/", root));

        assertThat(found("GET", "/").route().handler()).isSameAs(root);
        assertThat(lookup("GET", "//")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void aParameterMatchesOneNonEmptySegment() {
        declare(app, r -> r.get("/notes/{id}", handler()).get("/users/{user}/notes/{note}", handler()));

        assertThat(found("GET", "/notes/42").params()).isEqualTo(Map.of("id", "42"));
        assertThat(found("GET", "/notes/a b").params()).isEqualTo(Map.of("id", "a b"));
        assertThat(found("GET", "/users/ann/notes/7").params()).isEqualTo(Map.of("user", "ann", "note", "7"));
        assertThat(lookup("GET", "/notes/")).isInstanceOf(Lookup.NotFound.class);
        assertThat(lookup("GET", "/notes/1/2")).isInstanceOf(Lookup.NotFound.class);
        assertThat(lookup("GET", "/users//notes/7")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void anExactRouteBeatsAParameterRouteBeatsARegex() {
        Handler exact = handler();
        Handler param = handler();
        Handler regex = handler();
        declare(app, r -> r.get("/notes/new", exact).get("/notes/{id}", param).regex("GET", "/notes/.*", regex));

        assertThat(found("GET", "/notes/new").route().handler()).isSameAs(exact);
        assertThat(found("GET", "/notes/7").route().handler()).isSameAs(param);
        assertThat(found("GET", "/notes/7/x").route().handler()).isSameAs(regex);
    }

    @Test
    void theLongerLiteralPrefixWins() {
        Handler longer = handler();
        Handler shorter = handler();
        declare(app, r -> r.get("/a/b/{x}", longer).get("/a/{y}/c", shorter));

        assertThat(found("GET", "/a/b/c").route().handler()).isSameAs(longer);
        assertThat(found("GET", "/a/z/c").route().handler()).isSameAs(shorter);
    }

    @Test
    void aLiteralBranchThatLeadsNowhereFallsBackToTheParameter() {
        Handler literal = handler();
        Handler param = handler();
        declare(app, r -> r.get("/a/b/z", literal).get("/a/{p}/c", param));

        Lookup.Found f = found("GET", "/a/b/c");
        assertThat(f.route().handler()).isSameAs(param);
        assertThat(f.params()).isEqualTo(Map.of("p", "b"));
    }

    @Test
    void regexGroupsAreParametersByNameAndNumber() {
        declare(app, r -> r.regex("GET", "/archive/(?<year>\\d{4})/(\\d{2})", handler()));

        assertThat(found("GET", "/archive/2026/11").params())
                .isEqualTo(Map.of("year", "2026", "1", "2026", "2", "11"));
        assertThat(lookup("GET", "/archive/26/11")).isInstanceOf(Lookup.NotFound.class);
        assertThat(lookup("GET", "/archive/2026/11/x")).as("the whole path must match")
                .isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void ofTwoMatchingRegexesTheOneWithTheLongerLiteralPrefixWins() {
        Handler general = handler();
        Handler specific = handler();
        declare(app, r -> r.regex("GET", "/.*", general).regex("GET", "/files/.*", specific));

        assertThat(found("GET", "/files/a").route().handler()).isSameAs(specific);
        assertThat(found("GET", "/other").route().handler()).isSameAs(general);
    }

    @Test
    void theLiteralPrefixOfARegexStopsAtItsFirstConstruct() {
        assertThat(RegexPattern.literalPrefix("/files/.*")).isEqualTo(7);
        assertThat(RegexPattern.literalPrefix("^/a\\.b(c)")).isEqualTo(4);
        assertThat(RegexPattern.literalPrefix("/ab?")).isEqualTo(2);
        assertThat(RegexPattern.literalPrefix("\\Q/x.y\\E(/.*)?")).isEqualTo(4);
        assertThat(RegexPattern.literalPrefix("\\d+")).isZero();
    }

    @Test
    void aPathThatMatchesWithAnotherMethodIs405WithTheRoutesMethods() {
        declare(app, r -> r.get("/notes", handler()).post("/notes", handler()).delete("/notes/{id}", handler()));

        Lookup l = lookup("PUT", "/notes");
        assertThat(l).isInstanceOf(Lookup.NotAllowed.class);
        assertThat(((Lookup.NotAllowed) l).allow()).isEqualTo("GET, HEAD, POST, OPTIONS");
        Lookup single = lookup("GET", "/notes/3");
        assertThat(((Lookup.NotAllowed) single).allow()).isEqualTo("DELETE, OPTIONS");
    }

    @Test
    void theMethodIsMatchedCaseSensitivelyAsDeclaredMethodsAreUpperCased() {
        declare(app, r -> r.route("get", "/x", handler()));

        assertThat(found("GET", "/x").route().method()).isEqualTo("GET");
        assertThat(lookup("get", "/x")).isInstanceOf(Lookup.NotAllowed.class);
    }

    @Test
    void aRouteWithTheMethodIsFoundBeyondAMoreSpecificOneWithout() {
        Handler post = handler();
        declare(app, r -> r.get("/a/b", handler()).post("/a/{x}", post));

        assertThat(found("POST", "/a/b").route().handler()).isSameAs(post);
    }

    @Test
    void headIsServedByTheGetRouteUnlessAHeadRouteExists() {
        Handler get = handler();
        Handler head = handler();
        declare(app, r -> r.get("/a", get).get("/b", get).route("HEAD", "/b", head));

        assertThat(found("HEAD", "/a").route().handler()).isSameAs(get);
        assertThat(found("HEAD", "/b").route().handler()).isSameAs(head);
    }

    @Test
    void aTrailingSlashMakesAnotherRouteAndTheOtherFormIsRedirected() {
        Handler noSlash = handler();
        Handler slash = handler();
        declare(app, r -> r.get("/a", noSlash).get("/b/", slash).get("/c", handler()).get("/c/", handler()));

        assertThat(found("GET", "/a").route().handler()).isSameAs(noSlash);
        assertThat(found("GET", "/b/").route().handler()).isSameAs(slash);
        assertThat(lookup("GET", "/a/")).isEqualTo(new Lookup.Redirect("/a"));
        assertThat(lookup("GET", "/b")).isEqualTo(new Lookup.Redirect("/b/"));
        assertThat(lookup("GET", "/c/")).isInstanceOf(Lookup.Found.class);
        assertThat(lookup("POST", "/a/")).as("no route for the method there either")
                .isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void aRedirectNeverLeadsOffTheSite() {
        declare(app, r -> r.regex("GET", ".*/", handler()));

        assertThat(lookup("GET", "/x")).isEqualTo(new Lookup.Redirect("/x/"));
        assertThat(lookup("GET", "//evil.example")).isInstanceOf(Lookup.NotFound.class);
        assertThat(Router.otherSlash("/")).isNull();
    }

    @Test
    void ofTwoProvidersOfOneRouteTheHigherRankingWinsThenTheLowerServiceId() {
        RouteProvider older = new RouteProvider(3, 0, "a [1]");
        RouteProvider newer = new RouteProvider(4, 0, "b [2]");
        RouteProvider ranked = new RouteProvider(5, 10, "c [3]");
        Handler first = handler();
        Handler second = handler();
        Handler best = handler();
        declare(newer, r -> r.get("/x/{b}", second));
        declare(older, r -> r.get("/x/{a}", first));

        Lookup.Found tie = found("GET", "/x/1");
        assertThat(tie.route().handler()).isSameAs(first);
        assertThat(tie.params()).isEqualTo(Map.of("a", "1"));

        declare(ranked, r -> r.get("/x/{c}", best));
        assertThat(found("GET", "/x/1").route().handler()).isSameAs(best);
        assertThat(table.views(now)).extracting(RouteView::state)
                .containsExactlyInAnyOrder("served", "shadowed by 5", "shadowed by 5");
    }

    @Test
    void aRouteWhoseLastProviderWentIsVacantForTheGraceThenGone() {
        Handler old = handler();
        Handler replacement = handler();
        declare(app, r -> r.get("/v", old));
        table.remove(app, now + 2_000_000_000L);

        assertThat(lookup("GET", "/v")).isEqualTo(new Lookup.Wait(2_000_000_000L));
        assertThat(lookup("POST", "/v")).as("the replacement may bring the method").isInstanceOf(Lookup.Wait.class);
        now = 2_000_000_000L;
        assertThat(lookup("GET", "/v")).isInstanceOf(Lookup.NotFound.class);

        now = 0;
        table.remove(app, now + 2_000_000_000L);
        declare(new RouteProvider(11, 0, "app [6]"), r -> r.get("/v", replacement));
        assertThat(found("GET", "/v").route().handler()).isSameAs(replacement);
    }

    @Test
    void aRouteWithAnotherProviderLeftIsNotVacant() {
        Handler stays = handler();
        declare(app, r -> r.get("/v", handler()));
        declare(new RouteProvider(11, 0, "other [6]"), r -> r.get("/v", stays));
        table.remove(app, now + 1000);

        assertThat(found("GET", "/v").route().handler()).isSameAs(stays);
    }

    @Test
    void theFallbackIsNotARouteButAnsweredSeparately() {
        RouteCollector plain = new RouteCollector(app, "");
        Handler fallback = handler();
        plain.fallback(fallback);
        table.add(app, plain.entries(), plain.failures());

        Router router = table.router(now);
        assertThat(router.lookup("GET", "/anything", now)).isInstanceOf(Lookup.NotFound.class);
        assertThat(((Lookup.Found) router.fallback(now)).route().handler()).isSameAs(fallback);
        table.remove(app, now + 5);
        assertThat(table.router(now).fallback(now)).isEqualTo(new Lookup.Wait(5));
        assertThat(table.router(now).fallback(now + 5)).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void aThousandRoutesAreEachFoundWithTheirParameters() {
        declare(app, r -> {
            for (int i = 0; i < 500; i++) {
                r.get("/api/v1/resource" + i, handler());
                r.get("/api/v1/resource" + i + "/{id}", handler());
            }
        });

        for (int i = 0; i < 500; i++) {
            assertThat(found("GET", "/api/v1/resource" + i).route().pattern().source())
                    .isEqualTo("/api/v1/resource" + i);
            assertThat(found("GET", "/api/v1/resource" + i + "/x" + i).params()).isEqualTo(Map.of("id", "x" + i));
        }
    }
}
