package org.camunda4j.sdk.internal.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The parent–child protocol over the child's stdin/stdout: {@code [int length][byte kind][payload]}.
 * Parent → child: {@link #HANDLER} (the serialised handler, once), {@link #JOB} (JSON). Child →
 * parent: {@link #LOG} (JSON: level, message) any number of times, then {@link #RESULT} (JSON: kind, body).
 */
final class Frames {

  static final byte HANDLER = 'H';
  static final byte JOB = 'J';
  static final byte LOG = 'L';
  static final byte RESULT = 'R';

  record Frame(byte kind, byte[] payload) {}

  private Frames() {}

  static void write(DataOutputStream out, byte kind, byte[] payload) throws IOException {
    synchronized (out) {
      out.writeInt(payload.length);
      out.writeByte(kind);
      out.write(payload);
      out.flush();
    }
  }

  /** The next frame, or {@code null} at a clean end of stream. */
  static Frame read(DataInputStream in) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length < 0 || length > 512 * 1024 * 1024) {
      throw new IOException("corrupt frame length " + length + " (did something write to the child's stdout?)");
    }
    byte kind = in.readByte();
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Frame(kind, payload);
  }
}
