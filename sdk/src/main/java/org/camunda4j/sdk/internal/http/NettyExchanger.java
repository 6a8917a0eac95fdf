package org.camunda4j.sdk.internal.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
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
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The SDK's HTTP client, on Netty (chosen by measurement, see docs/decisions.md): one event-loop
 * thread (daemon) does all the I/O, keep-alive HTTP/1.1 connections are pooled (one exchange per
 * connection at a time, as HTTP/1.1 without pipelining allows), TLS for {@code https} addresses, and
 * every answer completes its future on the event loop: no thread per call and no hand-off between
 * the socket and the caller's callback. At most {@value #MAX_CONNECTIONS} connections are open; further
 * exchanges wait, in order, for one to come free.
 */
public final class NettyExchanger implements HttpExchanger {

  private static final AttributeKey<Exchange> CURRENT = AttributeKey.valueOf("camunda4j-exchange");
  private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
  /** Beyond this many open connections, exchanges wait for a free one (10,000 jobs ending at once must not open 10,000 sockets). */
  static final int MAX_CONNECTIONS = 256;

  private final int maxConnections;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("camunda4j-http", true), NioIoHandler.newFactory());
  private final ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();
  private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong connectionsLost = new java.util.concurrent.atomic.AtomicLong();
  private final Bootstrap bootstrap;
  private final String userAgent;
  private final SSLContext configuredTls; // null: the JVM's default, taken on the first https call

  /** One exchange on one connection. */
  private record Exchange(CompletableFuture<Response> result, ScheduledFuture<?> timeout) {}

  /** An exchange waiting for a connection. */
  private record Waiting(Request request, CompletableFuture<Response> result) {}

  public NettyExchanger(Duration connectTimeout, String userAgent, SSLContext tls) {
    this(connectTimeout, userAgent, tls, MAX_CONNECTIONS);
  }

  NettyExchanger(Duration connectTimeout, String userAgent, SSLContext tls, int maxConnections) {
    this.maxConnections = maxConnections;
    this.userAgent = userAgent;
    this.configuredTls = tls;
    this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES),
                new ResponseHandler());
          }
        });
  }

  /** A TLS engine for one connection: the configured context (or the JVM's default), host name checked. */
  private SslHandler tlsHandler(String host, int port) throws GeneralSecurityException {
    SSLContext context = configuredTls != null ? configuredTls : SSLContext.getDefault();
    SSLEngine engine = context.createSSLEngine(host, port);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    engine.setSSLParameters(parameters);
    return new SslHandler(engine);
  }

  @Override
  public CompletableFuture<Response> exchange(Request request) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    Channel channel = takeIdle();
    if (channel != null) {
      send(channel, request, result);
    } else if (tryOpen()) {
      connect(request, result);
    } else {
      waiting.add(new Waiting(request, result));
      serveWaiting(); // a connection may have come free meanwhile
    }
    return result;
  }

  private Channel takeIdle() {
    Channel channel;
    while ((channel = idle.pollFirst()) != null && !channel.isActive()) {
      // a connection the server closed while idle: drop it
    }
    return channel;
  }

  private boolean tryOpen() {
    int open;
    do {
      open = connections.get();
      if (open >= maxConnections) {
        return false;
      }
    } while (!connections.compareAndSet(open, open + 1));
    return true;
  }

  private Waiting nextWaiting() {
    Waiting next;
    while ((next = waiting.poll()) != null && next.result().isDone()) {
      // cancelled while it waited
    }
    return next;
  }

  /** A connection is free again: it serves the next waiting exchange, or goes back to the pool. */
  private void release(Channel channel) {
    Waiting next = nextWaiting();
    if (next != null) {
      send(channel, next.request(), next.result());
    } else {
      idle.addFirst(channel);
      serveWaiting();
    }
  }

  /** Hands waiting exchanges to idle connections or to new ones while either is available. */
  private void serveWaiting() {
    while (!waiting.isEmpty()) {
      Channel channel = takeIdle();
      boolean opened = channel == null && tryOpen();
      if (channel == null && !opened) {
        return;
      }
      Waiting next = nextWaiting();
      if (next == null) {
        if (channel != null) {
          idle.addFirst(channel);
        } else {
          connections.decrementAndGet();
        }
        return;
      }
      if (channel != null) {
        send(channel, next.request(), next.result());
      } else {
        connect(next.request(), next.result());
      }
    }
  }

  private void connect(Request request, CompletableFuture<Response> result) {
    URI uri = request.uri();
    boolean secure = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
    bootstrap.connect(uri.getHost(), port).addListener((ChannelFuture connected) -> {
      if (!connected.isSuccess()) {
        connections.decrementAndGet();
        connectionsLost.incrementAndGet();
        result.completeExceptionally(connected.cause());
        serveWaiting();
        return;
      }
      if (secure) {
        try {
          connected.channel().pipeline().addFirst(tlsHandler(uri.getHost(), port));
        } catch (GeneralSecurityException | RuntimeException e) {
          connected.channel().close();
          result.completeExceptionally(e);
          return;
        }
      }
      send(connected.channel(), request, result);
    });
  }

  private void send(Channel channel, Request request, CompletableFuture<Response> result) {
    if (!channel.eventLoop().inEventLoop()) {
      // Write from the event loop, which a write from here would queue on anyway: an exchange cancelled
      // before its turn (a worker's last poll at shutdown) then never reaches the server.
      channel.eventLoop().execute(() -> send(channel, request, result));
      return;
    }
    if (result.isDone()) { // cancelled while connecting, waiting or queued
      release(channel);
      return;
    }
    String target = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
    byte[] body = request.body() == null ? new byte[0] : request.body();
    DefaultFullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
        target, Unpooled.wrappedBuffer(body));
    http.headers().set(HttpHeaderNames.HOST, request.uri().getAuthority())
        .set(HttpHeaderNames.ACCEPT, ACCEPT)
        .set(HttpHeaderNames.USER_AGENT, userAgent)
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    if (request.contentType() != null) {
      http.headers().set(HttpHeaderNames.CONTENT_TYPE, request.contentType());
    }
    if (request.authorization() != null) {
      http.headers().set(HttpHeaderNames.AUTHORIZATION, request.authorization());
    }
    request.headers().forEach(http.headers()::set);
    ScheduledFuture<?> timeout = channel.eventLoop().schedule(() -> {
      if (result.completeExceptionally(new HttpTimeoutException("request timed out"))) {
        closeOurselves(channel);
      }
    }, request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    channel.attr(CURRENT).set(new Exchange(result, timeout));
    result.whenComplete((ignored, error) -> {
      if (result.isCancelled()) {
        closeOurselves(channel); // the only way to abort an HTTP/1.1 exchange
      }
    });
    channel.writeAndFlush(http).addListener(written -> {
      if (!written.isSuccess() && result.completeExceptionally(written.cause())) {
        channel.close();
      }
    });
  }

  private final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
      Exchange exchange = context.channel().attr(CURRENT).getAndSet(null);
      if (exchange == null) {
        context.close();
        return;
      }
      exchange.timeout().cancel(false);
      byte[] body = ByteBufUtil.getBytes(response.content());
      String contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
      if (HttpUtil.isKeepAlive(response) && !exchange.result().isDone()) {
        release(context.channel()); // free before the caller's callback can ask for a connection
      } else {
        context.close();
      }
      exchange.result().complete(new Response(response.status().code(), contentType, body,
          response.headers()::get));
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
      connections.decrementAndGet();
      boolean wasIdle = idle.remove(context.channel());
      Exchange exchange = context.channel().attr(CURRENT).getAndSet(null);
      if (wasIdle || exchange != null) {
        connectionsLost.incrementAndGet(); // the server closed it: we close only busy ones, and clear them first
      }
      if (exchange != null) {
        exchange.timeout().cancel(false);
        exchange.result().completeExceptionally(new IOException("connection closed by the server"));
      }
      serveWaiting();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
      Exchange exchange = context.channel().attr(CURRENT).getAndSet(null);
      connectionsLost.incrementAndGet();
      if (exchange != null) {
        exchange.timeout().cancel(false);
        exchange.result().completeExceptionally(cause);
      }
      context.close();
    }
  }

  /** Closes a connection for our own reasons (a timeout, a cancellation): not a lost connection. */
  private static void closeOurselves(Channel channel) {
    Exchange exchange = channel.attr(CURRENT).getAndSet(null);
    if (exchange != null) {
      exchange.timeout().cancel(false);
    }
    channel.close();
  }

  @Override
  public long connectionsLost() {
    return connectionsLost.get();
  }

  /** Connections open now, idle or busy. For tests. */
  int openConnections() {
    return connections.get();
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
