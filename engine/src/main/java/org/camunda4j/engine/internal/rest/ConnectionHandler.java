package org.camunda4j.engine.internal.rest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one connection: one request at a time, in order (pipelined requests wait in a queue), the
 * reply written on the connection's event loop whatever thread completed it.
 *
 * <p>Reading is never paused, even while a request is parked: only a pending read notices that
 * the client closed the connection, and a parked long poll must learn that at once.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  /** Pipelined requests beyond this are refused by closing the connection. */
  private static final int MAX_QUEUED = 64;

  private final Router router;
  private final Authentication authentication;
  private final Executor blockingExecutor;
  private final Queue<Pending> queue = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private IncomingRequest current;

  /** A received request; {@code rejection} is set when it is answered with a problem unrouted. */
  private record Pending(IncomingRequest request, boolean keepAlive, ApiException rejection) {}

  ConnectionHandler(Router router, Authentication authentication, Executor blockingExecutor) {
    this.router = router;
    this.authentication = authentication;
    this.blockingExecutor = blockingExecutor;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Pending pending;
    if (msg instanceof FullHttpRequest http) {
      try {
        pending = receive(http);
      } finally {
        http.release();
      }
    } else if (msg instanceof BodyLimitAggregator.Oversized oversized) {
      pending = tooLarge(oversized);
    } else {
      ctx.fireChannelRead(msg);
      return;
    }
    if (current == null) {
      dispatch(pending);
    } else if (queue.size() < MAX_QUEUED) {
      queue.add(pending);
    } else {
      LOG.debug("Closing {}: more than {} pipelined requests", ctx.channel(), MAX_QUEUED);
      ctx.close();
    }
  }

  private static Pending receive(FullHttpRequest http) {
    // The headers outlive the released message: only its content buffer is pooled, and that is copied.
    IncomingRequest request;
    try {
      request = incoming(http.method().name(), http.uri(), http.headers(), http.content());
    } catch (IllegalArgumentException badEscape) { // Netty's decoder on a '%' not followed by two hex digits
      int query = http.uri().indexOf('?');
      String rawPath = query < 0 ? http.uri() : http.uri().substring(0, query);
      request = new IncomingRequest(
          http.method().name(), http.uri(), rawPath, rawPath, http.headers(), Map.of(), ByteBufUtil.getBytes(http.content()));
      return new Pending(
          request,
          HttpUtil.isKeepAlive(http),
          ApiException.invalidArgument(
              "The request path or query is not valid percent-encoding (" + badEscape.getMessage()
                  + "); write a literal '%' as %25."));
    }
    if (http.decoderResult().isFailure()) {
      // The codec could not parse the request line or headers: answer, then give up on the stream.
      Throwable cause = http.decoderResult().cause();
      return new Pending(
          request,
          false,
          ApiException.invalidArgument(
              "The HTTP request is malformed: "
                  + (cause == null ? "unknown cause" : cause.getMessage())));
    }
    return new Pending(request, HttpUtil.isKeepAlive(http), null);
  }

  private static Pending tooLarge(BodyLimitAggregator.Oversized oversized) {
    IncomingRequest request =
        incoming(oversized.method(), oversized.uri(), oversized.headers(), Unpooled.EMPTY_BUFFER);
    return new Pending(
        request,
        oversized.keepOpen(),
        new ApiException(
            ProblemStatus.PAYLOAD_TOO_LARGE,
            "The request body is larger than the limit of "
                + oversized.maxBytes()
                + " bytes (4 MB). Send fewer or smaller resources per request."));
  }

  private static IncomingRequest incoming(
      String method, String uri, HttpHeaders headers, ByteBuf content) {
    QueryStringDecoder decoded = new QueryStringDecoder(uri);
    return new IncomingRequest(
        method, uri, decoded.rawPath(), decoded.path(), headers, decoded.parameters(), ByteBufUtil.getBytes(content));
  }

  private void dispatch(Pending pending) {
    IncomingRequest request = pending.request();
    current = request;
    if (pending.rejection() != null) {
      fail(pending, pending.rejection());
      return;
    }
    try {
      // Before routing, so that an unauthenticated caller learns nothing about which paths exist.
      request.caller(authentication.authenticate(request));
    } catch (RuntimeException e) {
      fail(pending, e);
      return;
    }
    switch (router.match(routedMethod(request), request.rawPath())) {
      case Router.Match.Found found -> {
        request.pathParams(found.pathParams());
        Router.Route route = found.route();
        if (route.blocking()) {
          CompletableFuture.supplyAsync(() -> invoke(route.handler(), request), blockingExecutor)
              .thenCompose(stage -> stage)
              .whenComplete((reply, error) -> complete(pending, reply, error));
        } else {
          invoke(route.handler(), request)
              .whenComplete((reply, error) -> complete(pending, reply, error));
        }
      }
      case Router.Match.MethodNotAllowed notAllowed ->
          fail(
              pending,
              new ApiException(
                  ProblemStatus.METHOD_NOT_ALLOWED,
                  "Method " + request.method() + " is not supported on " + request.path()
                      + "; use " + String.join(" or ", notAllowed.allowedMethods()) + "."));
      case Router.Match.NotFound notFound ->
          fail(
              pending,
              new ApiException(
                  ProblemStatus.NOT_FOUND, "No endpoint " + request.path() + " exists."));
    }
  }

  /**
   * HEAD is answered as GET without a body (RFC 9110 9.3.2): the same status and headers, the
   * Content-Length included, so a HEAD request needs no route of its own.
   */
  private static String routedMethod(IncomingRequest request) {
    return request.method().equals("HEAD") ? "GET" : request.method();
  }

  /** Calls the handler; a throw or a null stage becomes a failed stage. */
  private static CompletionStage<Reply> invoke(Handler handler, IncomingRequest request) {
    try {
      CompletionStage<Reply> stage = handler.handle(request);
      if (stage == null) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("The handler of " + request + " returned no stage"));
      }
      return stage;
    } catch (Exception | LinkageError | AssertionError e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void complete(Pending pending, Reply reply, Throwable error) {
    if (ctx.executor().inEventLoop()) {
      write(pending, reply, error);
      return;
    }
    try {
      ctx.executor().execute(() -> write(pending, reply, error));
    } catch (RejectedExecutionException e) {
      // The server stopped before the engine answered: nobody can receive this reply any more.
      accessLog(pending.request(), 0, "server stopped, reply not delivered");
      if (reply != null) {
        IncomingRequest.runQuietly(reply::undelivered);
      }
    }
  }

  private void fail(Pending pending, Throwable error) {
    write(pending, null, error);
  }

  /** Runs on the event loop. */
  private void write(Pending pending, Reply reply, Throwable error) {
    IncomingRequest request = pending.request();
    request.replying();
    FullHttpResponse response;
    if (error != null) {
      response = problemResponse(request, unwrap(error));
    } else if (reply == null) {
      response =
          problemResponse(
              request, new IllegalStateException("The handler of " + request + " replied null"));
    } else {
      response = successResponse(request, reply);
    }
    if (request.method().equals("HEAD")) {
      FullHttpResponse headersOnly = response.replace(Unpooled.EMPTY_BUFFER); // keeps every header, Content-Length too
      response.release();
      response = headersOnly;
    }
    int status = response.status().code();
    if (!ctx.channel().isActive()) {
      response.release();
      accessLog(request, status, "client gone, reply not delivered");
      if (reply != null) {
        IncomingRequest.runQuietly(reply::undelivered);
      }
      return;
    }
    boolean keepAlive = pending.keepAlive();
    HttpUtil.setKeepAlive(response, keepAlive);
    ctx.writeAndFlush(response)
        .addListener(
            (ChannelFutureListener)
                future -> {
                  if (future.isSuccess()) {
                    accessLog(request, status, null);
                  } else {
                    accessLog(request, status, "write failed: " + future.cause());
                    if (reply != null) {
                      IncomingRequest.runQuietly(reply::undelivered);
                    }
                  }
                  if (!keepAlive || !future.isSuccess()) {
                    future.channel().close();
                    return;
                  }
                  current = null;
                  Pending next = queue.poll();
                  if (next != null) {
                    dispatch(next);
                  }
                });
  }

  private FullHttpResponse successResponse(IncomingRequest request, Reply reply) {
    if (reply.body() == null) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()));
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
      return response;
    }
    if (reply.body() instanceof byte[] bytes) {
      FullHttpResponse response = response(HttpResponseStatus.valueOf(reply.status()), reply.contentType(), bytes);
      reply.headers().forEach((name, value) -> response.headers().set(name, value));
      return response;
    }
    // Straight into a pooled direct buffer: no byte[] in between, and no copy for the socket.
    ByteBuf json = ctx.alloc().directBuffer();
    try {
      Json.write(reply.body(), new ByteBufOutputStream(json));
    } catch (RuntimeException e) {
      json.release();
      IncomingRequest.runQuietly(reply::undelivered);
      return problemResponse(request, e);
    }
    FullHttpResponse response = response(HttpResponseStatus.valueOf(reply.status()), "application/json", json);
    reply.headers().forEach((name, value) -> response.headers().set(name, value));
    return response;
  }

  private static FullHttpResponse problemResponse(IncomingRequest request, Throwable error) {
    Problem problem;
    if (error instanceof ApiException api) {
      problem = Problem.of(api.status(), api.detail(), request.path());
      FullHttpResponse response = response(
          HttpResponseStatus.valueOf(problem.status()), "application/problem+json", Json.write(problem));
      api.headers().forEach(response.headers()::set);
      return response;
    } else {
      LOG.error("Unexpected failure while handling {}", request, error);
      problem =
          Problem.of(
              ProblemStatus.INTERNAL,
              "Unexpected error while handling " + request + ": " + error,
              request.path());
    }
    return response(
        HttpResponseStatus.valueOf(problem.status()),
        "application/problem+json",
        Json.write(problem));
  }

  static FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] body) {
    return response(status, contentType, Unpooled.wrappedBuffer(body));
  }

  private static FullHttpResponse response(HttpResponseStatus status, String contentType, ByteBuf body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    return response;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static void accessLog(IncomingRequest request, int status, String note) {
    if (LOG.isDebugEnabled()) {
      long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - request.receivedNanos());
      LOG.debug(
          "{} {} -> {} in {} ms{}",
          request.method(),
          request.path(),
          status,
          micros / 1000.0,
          note == null ? "" : " (" + note + ")");
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    queue.clear();
    if (current != null) {
      current.disconnected();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Usually "connection reset by peer"; the request's disconnect callbacks run on close.
    LOG.debug("Closing {} after {}", ctx.channel(), cause.toString());
    ctx.close();
  }
}
