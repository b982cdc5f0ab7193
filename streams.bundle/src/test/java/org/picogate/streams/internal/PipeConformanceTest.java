package org.picogate.streams.internal;

import org.picogate.scheduler.Scheduler;
import org.picogate.streams.testing.Pipe;
import org.picogate.streams.testing.StreamConformanceTest;

class PipeConformanceTest extends StreamConformanceTest {
    @Override
    protected Connection connect(Scheduler scheduler) {
        Pipe pipe = Pipe.open(scheduler);
        return new Connection(pipe.left(), pipe.right(), pipe);
    }
}
