package org.picogate.streams.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transferFrom} (sendfile) to a client that reads slowly: every byte arrives in order, and a full socket
 * buffer parks the task instead of calling sendfile again and again (which returns 0 at once on a virtual thread's
 * socket, non-blocking underneath once the task has read from it: that spun on the carrier). Over 127.0.0.1; the
 * client asks with a line, then pauses between reads.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SocketTransferTest {
    private static final int LENGTH = 8 << 20;
    private final Loopback loopback = new Loopback();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        loopback.close();
    }

    @Test
    void aSlowReaderGetsTheWholeFileAndTheStalledTransferWaitsInsteadOfSpinning() throws Exception {
        byte[] content = new byte[LENGTH];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("big.bin"), content);
        AtomicInteger sendfileCalls = new AtomicInteger();
        CompletableFuture<Long> sent = new CompletableFuture<>();
        StreamServerImpl server = loopback.listen(s -> {
            s.readLine(100); // a read first, as an HTTP server does: it makes the JDK set the socket non-blocking
            try (FileChannel channel = new CountingChannel(FileChannel.open(file), sendfileCalls)) {
                sent.complete(s.transferFrom(channel, 0, LENGTH));
            } catch (IOException | RuntimeException e) {
                sent.completeExceptionally(e);
            }
        });

        byte[] got = new byte[LENGTH];
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(8192);
            client.setSoTimeout(30_000);
            client.connect(new InetSocketAddress(Loopback.HOST, server.port()), 5000);
            client.getOutputStream().write("send\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            int pauses = 0;
            for (int at = 0; at < LENGTH;) {
                if (pauses < 20 && at >= pauses * (LENGTH / 20)) {
                    Thread.sleep(25); // the server's socket buffer fills while the client does not read
                    pauses++;
                }
                int n = in.read(got, at, Math.min(65536, LENGTH - at));
                assertTrue(n > 0, "the transfer ended at " + at);
                at += n;
            }
        }

        assertEquals(LENGTH, sent.get(30, TimeUnit.SECONDS));
        assertArrayEquals(content, got);
        // Parked while the buffer is full, the task calls sendfile about once per buffer's worth; spinning, it
        // called it tens of thousands of times in each pause.
        assertTrue(sendfileCalls.get() < 5000, sendfileCalls.get() + " sendfile calls for " + LENGTH + " bytes");
    }

    /** A file channel that counts {@code transferTo} calls and otherwise does what the JDK's does. */
    private static final class CountingChannel extends FileChannel {
        private final FileChannel file;
        private final AtomicInteger transfers;

        CountingChannel(FileChannel file, AtomicInteger transfers) {
            this.file = file;
            this.transfers = transfers;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            transfers.incrementAndGet();
            return file.transferTo(position, count, target);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return file.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return file.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return file.transferFrom(src, position, count);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return file.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
