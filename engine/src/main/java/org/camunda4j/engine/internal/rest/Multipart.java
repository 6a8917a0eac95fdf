package org.camunda4j.engine.internal.rest;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Decodes a received {@code multipart/form-data} body into {@link Part}s, in memory. */
final class Multipart {

  private Multipart() {}

  static List<Part> decode(String uri, HttpHeaders headers, byte[] body) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.POST,
            uri,
            Unpooled.wrappedBuffer(body),
            headers.copy(),
            EmptyHttpHeaders.INSTANCE);
    HttpPostRequestDecoder decoder = null;
    try {
      decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
      List<InterfaceHttpData> decoded = decoder.getBodyHttpDatas();
      InterfaceHttpData unfinished = decoder.currentPartialHttpData();
      if (unfinished != null) {
        throw ApiException.invalidArgument(
            "Request body is not valid multipart/form-data: the body ends inside part '"
                + unfinished.getName()
                + "'; the closing boundary is missing.");
      }
      List<Part> parts = new ArrayList<>();
      for (InterfaceHttpData data : decoded) {
        if (data instanceof FileUpload file) {
          parts.add(new Part(file.getName(), file.getFilename(), file.getContentType(), file.get()));
        } else if (data instanceof Attribute field) {
          parts.add(new Part(field.getName(), null, "text/plain", field.get()));
        }
      }
      return parts;
    } catch (HttpPostRequestDecoder.ErrorDataDecoderException
        | HttpPostRequestDecoder.NotEnoughDataDecoderException
        | IOException e) {
      throw ApiException.invalidArgument(
          "Request body is not valid multipart/form-data: " + reason(e));
    } finally {
      if (decoder != null) {
        decoder.destroy();
      }
      request.release();
    }
  }

  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }
}
