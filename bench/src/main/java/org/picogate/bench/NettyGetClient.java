package org.picogate.bench;

import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The minimal Netty 4.2 HTTP/1.1 client of the comparison: one NIO event loop thread, one keep-alive channel per
 * calling task (HttpClientCodec + HttpObjectAggregator), the caller blocking until the whole response arrived,
 * like the other two clients' callers do. No pool, no redirects, no timeouts: the least a client does.
 */
final class NettyGetClient implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final URI url;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    NettyGetClient(URI url) {
        this.url = url;
    }

    /** One channel and the responses (body lengths) it hands to its task. */
    private final class Connection {
        final BlockingQueue<Object> answers = new ArrayBlockingQueue<>(1);
        final Channel channel;

        Connection() throws InterruptedException {
            channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                    new SimpleChannelInboundHandler<FullHttpResponse>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                                            answers.add(r.content().readableBytes());
                                        }

                                        @Override
                                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                            answers.add(cause);
                                            ctx.close();
                                        }
                                    });
                        }
                    }).connect(url.getHost(), url.getPort()).sync().channel();
        }
    }

    /** One GET on the calling task's channel; returns the body length. */
    int get() throws Exception {
        Connection c = connections.get();
        if (c == null) {
            c = new Connection();
            connections.set(c);
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, url.getRawPath());
        request.headers().set(HttpHeaderNames.HOST, url.getHost() + ":" + url.getPort());
        c.channel.writeAndFlush(request);
        Object answer = c.answers.take();
        if (answer instanceof Throwable t) {
            throw new IllegalStateException("netty GET failed", t);
        }
        return (Integer) answer;
    }

    @Override
    public void close() {
        group.shutdownGracefully();
    }
}
