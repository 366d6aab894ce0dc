package dev.jitelevate.emulator.logs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The request body as the service reads it: gzip (the SDKs always compress) or plain JSON. The 1 MB limit
 * applies to the body as sent, its content length: the official SDKs batch up to 1 MB of serialised rows
 * and add the array's brackets and commas, so an uncompressed limit of exactly 1 MB would refuse them.
 * Inflating stops at {@link #MAX_INFLATED_BYTES} to bound memory.
 *
 * @param json the decompressed bytes
 * @param sentSize the content length as sent
 * @param error why the body cannot be read, when it cannot
 */
record IngestionBody(byte[] json, long sentSize, Optional<String> error) {
  static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

  boolean tooLarge() {
    return sentSize > IngestionErrors.MAX_BODY_BYTES;
  }

  /**
   * Reads the body.
   *
   * @param sent the body bytes as the HTTP engine hands them over (it may have inflated them already)
   * @param contentLength the Content-Length the client sent, when it sent one
   */
  static IngestionBody read(byte[] sent, Optional<Long> contentLength) {
    long sentSize = contentLength.orElse((long) sent.length);
    if (sentSize > IngestionErrors.MAX_BODY_BYTES) {
      return new IngestionBody(new byte[0], sentSize, Optional.empty());
    }
    // The HTTP engine may already have inflated a body sent with Content-Encoding: gzip; trust the bytes.
    boolean gzip = sent.length > 1 && (sent[0] & 0xff) == 0x1f && (sent[1] & 0xff) == 0x8b;
    if (!gzip) {
      return new IngestionBody(sent, sentSize, Optional.empty());
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(sent))) {
      byte[] inflated = in.readNBytes(MAX_INFLATED_BYTES + 1);
      if (inflated.length > MAX_INFLATED_BYTES) {
        return new IngestionBody(new byte[0], sentSize, Optional.of("The request body inflates to more than "
            + MAX_INFLATED_BYTES + " bytes."));
      }
      return new IngestionBody(inflated, sentSize, Optional.empty());
    } catch (IOException e) {
      return new IngestionBody(new byte[0], sentSize, Optional.of("The request body is not valid gzip: "
          + e.getMessage()));
    }
  }
}
