package org.camunda4j.engine.internal.rest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP/1.1 server, on Netty so that a parked long poll costs no thread and a client
 * that goes away is noticed at once.
 *
 * <pre>{@code
 * Router router = new Router().route("GET", "/v2/topology", request -> completedFuture(...));
 * try (RestServer server = RestServer.start("127.0.0.1", 0, router)) {
 *   int port = server.port();
 * }
 * }</pre>
 */
public final class RestServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

  /** The gateway's default maximum request size. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final EventLoopGroup group;
  private final ExecutorService blockingExecutor;
  private final ChannelGroup channels;
  private final Channel serverChannel;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RestServer(
      EventLoopGroup group,
      ExecutorService blockingExecutor,
      ChannelGroup channels,
      Channel serverChannel) {
    this.group = group;
    this.blockingExecutor = blockingExecutor;
    this.channels = channels;
    this.serverChannel = serverChannel;
  }

  /**
   * Loads and initialises the Netty classes a server needs (most of a first start's cost), so that
   * an engine can do it on another thread while it builds its routes.
   */
  public static void preload() {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("camunda4j-preload", true), NioIoHandler.newFactory());
    try {
      new HttpServerCodec();
      new BodyLimitAggregator(MAX_BODY_BYTES);
      new ServerBootstrap().group(group).channel(NioServerSocketChannel.class);
    } finally {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Binds to {@code host:port} (port 0 picks a free one) and returns once connections are accepted.
   *
   * @throws IllegalStateException if the address cannot be bound
   */
  public static RestServer start(String host, int port, Router router) {
    return start(host, port, router, Authentication.NONE, null);
  }

  /**
   * Like {@link #start(String, int, Router)}, with every request authenticated first and, if {@code
   * tls} is not null, TLS on every connection.
   */
  public static RestServer start(String host, int port, Router router, Authentication authentication, SslContext tls) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(router, "router");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    // Two network threads suffice: handlers never block them, the engine works elsewhere.
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            2, new DefaultThreadFactory("camunda4j-rest", true), NioIoHandler.newFactory());
    ExecutorService blockingExecutor =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("camunda4j-rest-blocking-", 0).factory());
    ChannelGroup channels = new DefaultChannelGroup("camunda4j-rest", GlobalEventExecutor.INSTANCE);
    try {
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      channels.add(channel);
                      if (tls != null) {
                        channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()));
                      }
                      channel
                          .pipeline()
                          .addLast("http", new HttpServerCodec())
                          .addLast("aggregate", new BodyLimitAggregator(MAX_BODY_BYTES))
                          .addLast("serve", new ConnectionHandler(router, authentication, blockingExecutor));
                    }
                  });
      Channel serverChannel = bootstrap.bind(host, port).syncUninterruptibly().channel();
      channels.add(serverChannel);
      RestServer server = new RestServer(group, blockingExecutor, channels, serverChannel);
      LOG.debug("REST server listening on {}", serverChannel.localAddress());
      return server;
    } catch (Exception e) { // Netty rethrows the checked BindException unchecked
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      blockingExecutor.shutdownNow();
      throw new IllegalStateException("Cannot bind the REST server to " + host + ":" + port, e);
    }
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /**
   * Closes the listening socket and every connection (parked requests see their disconnect
   * callbacks run), then stops the network threads. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    blockingExecutor.shutdownNow();
  }
}
