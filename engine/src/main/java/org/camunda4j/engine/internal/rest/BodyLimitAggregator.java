package org.camunda4j.engine.internal.rest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates requests up to a size limit. Instead of Netty's bare 413 for a larger body, it passes
 * an {@link Oversized} marker on, so the connection handler answers with a problem body in turn
 * with any pipelined requests.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

  /**
   * A request whose body was over the limit; the aggregator discards the rest of its body.
   *
   * @param keepOpen whether the connection survives the answer: a known-length body can be skipped,
   *     but a body already partly aggregated, a refused {@code 100-continue} or a non-keep-alive
   *     request ends the connection, as in Netty's own handling
   */
  record Oversized(String method, String uri, HttpHeaders headers, int maxBytes, boolean keepOpen) {}

  BodyLimitAggregator(int maxBytes) {
    super(maxBytes);
  }

  /**
   * Netty would refuse an oversized {@code Expect: 100-continue} request itself, with a bare 413;
   * declining here routes it through {@link #handleOversizedMessage} like any other.
   */
  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    if (HttpUtil.getContentLength(start, -1L) > maxContentLength) {
      return null;
    }
    return super.newContinueResponse(start, maxContentLength, pipeline);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    if (!(oversized instanceof HttpRequest request)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    boolean keepOpen =
        !(oversized instanceof FullHttpMessage)
            && !HttpUtil.is100ContinueExpected(request)
            && HttpUtil.isKeepAlive(request);
    ctx.fireChannelRead(
        new Oversized(
            request.method().name(),
            request.uri(),
            request.headers().copy(),
            maxContentLength(),
            keepOpen));
  }
}
