package org.picogate.itests.attack;

import java.util.List;

/**
 * What the server did to one attack's connections.
 *
 * @param name the attack
 * @param connections attacking connections opened
 * @param cut closed by the server after the attack had started (an end of input or a reset)
 * @param resetAtOnce closed by the server at once (before half its idle timeout) without a byte: a flood's excess
 * @param stillOpen not closed by the server when the attacker gave up
 * @param cutMillis for each connection in {@code cut}, how long after its attack started the server closed it
 * @param timeoutMillis the server's timeout that should cut this attack
 */
record AttackResult(String name, int connections, int cut, int resetAtOnce, int stillOpen, List<Long> cutMillis,
        long timeoutMillis) {

    long minCut() {
        return cutMillis.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    long maxCut() {
        return cutMillis.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    long medianCut() {
        List<Long> sorted = cutMillis.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }
}
