/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.AetherException;
import io.github.aetherjava.client.AetherTimeoutException;
import io.github.aetherjava.client.AuthenticationException;
import io.github.aetherjava.client.ConnectionException;
import io.github.aetherjava.client.DuplicateIdentityException;
import io.github.aetherjava.client.FailureReason;
import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PermissionDeniedException;
import io.grpc.Status;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One table from a stream's final gRPC status to our exceptions. Terminal (not recoverable):
 * UNAUTHENTICATED, PERMISSION_DENIED, ALREADY_EXISTS, INVALID_ARGUMENT, NOT_FOUND, UNIMPLEMENTED
 * and FAILED_PRECONDITION carrying {@code ERR_EXTENSION_UNSUPPORTED}; everything else (UNAVAILABLE,
 * CANCELLED, INTERNAL — AetherLite answers a premature resume with INTERNAL —, DEADLINE_EXCEEDED,
 * RESOURCE_EXHAUSTED, a clean end) is recoverable.
 */
public final class StatusMapping {

  private static final Pattern DUPLICATE_IDENTITY = Pattern.compile("identity \\(([^)]*)\\)");

  private StatusMapping() {}

  /**
   * @param status final status of the stream
   * @param identity our canonical identity (used when the message does not name it)
   * @return the classified exception
   */
  public static AetherException fromStatus(Status status, String identity) {
    return fromStatus(status, identity, "the gateway", true);
  }

  /**
   * @param status final status of the stream
   * @param identity our canonical identity (used when the message does not name it)
   * @param address gateway address, named in the message
   * @param reachedGateway whether this stream had been acknowledged (a lost connection) or not (a
   *     failed connect)
   * @return the classified exception, its message naming the address and the root cause
   */
  public static AetherException fromStatus(
      Status status, String identity, String address, boolean reachedGateway) {
    return fromStatus(status, identity, address, reachedGateway, false);
  }

  /**
   * Like {@link #fromStatus(Status, String, String, boolean)}, and also recognises transport
   * security failures: a certificate or trust failure is terminal (retrying cannot fix it), and a
   * plaintext/TLS mismatch says so, whichever side uses TLS.
   *
   * @param status final status of the stream
   * @param identity our canonical identity (used when the message does not name it)
   * @param address gateway address, named in the message
   * @param reachedGateway whether this stream had been acknowledged
   * @param tls whether this client uses TLS
   * @return the classified exception
   */
  public static AetherException fromStatus(
      Status status, String identity, String address, boolean reachedGateway, boolean tls) {
    AetherException security = transportSecurity(status, address, tls, reachedGateway);
    return security != null ? security : classify(status, identity, address, reachedGateway);
  }

  private static @Nullable AetherException transportSecurity(
      Status status, String address, boolean tls, boolean reachedGateway) {
    if (status.getCode() != Status.Code.UNAVAILABLE || reachedGateway) {
      return null;
    }
    String code = status.getCode().name();
    Throwable ssl = find(status.getCause(), javax.net.ssl.SSLException.class);
    Throwable cert = find(status.getCause(), java.security.cert.CertificateException.class);
    if (tls && ssl != null && String.valueOf(ssl.getMessage()).contains("not an SSL/TLS record")) {
      return new ConnectionException(
          FailureReason.UNAVAILABLE,
          "cannot connect to "
              + address
              + ": this client uses TLS but the gateway answered in plaintext; remove the TLS"
              + " options or use the gateway's TLS address",
          status.getCause(),
          false,
          code);
    }
    if (tls && (ssl != null || cert != null)) {
      String root = rootCause(status.getCause());
      // a TLS alert is the gateway refusing our side; anything else is its certificate failing ours
      boolean refusedByGateway = root.toUpperCase(java.util.Locale.ROOT).contains("ALERT");
      return new AuthenticationException(
          "TLS handshake with "
              + address
              + " failed: "
              + root
              + (refusedByGateway
                  ? "; the gateway refused this client's certificate (missing, expired or not"
                      + " issued by a CA the gateway trusts)"
                  : "; the gateway's certificate is not accepted: check the trust roots (it must"
                      + " chain to them, be valid now and match the host name or"
                      + " serverNameOverride)"),
          status.getCause(),
          code);
    }
    String description = String.valueOf(status.getDescription());
    if (!tls && description.contains("Network closed for unknown reason")) {
      return new ConnectionException(
          FailureReason.UNAVAILABLE,
          "cannot connect to "
              + address
              + ": "
              + code
              + " "
              + description
              + " (this client uses plaintext: if the gateway requires TLS, configure TLS options)",
          status.getCause(),
          true,
          code);
    }
    return null;
  }

  private static @Nullable Throwable find(@Nullable Throwable t, Class<? extends Throwable> type) {
    for (int depth = 0; t != null && depth < 20; depth++) {
      if (type.isInstance(t)) {
        return t;
      }
      t = t.getCause();
    }
    return null;
  }

  private static AetherException classify(
      Status status, String identity, String address, boolean reachedGateway) {
    String code = status.getCode().name();
    String description = status.getDescription() == null ? "" : status.getDescription();
    Throwable cause = status.getCause();
    String root = rootCause(cause);
    String message =
        (reachedGateway
                ? "stream to " + address + " ended: "
                : "cannot connect to " + address + ": ")
            + code
            + (description.isEmpty() ? "" : " " + firstLine(description))
            + (root.isEmpty() || description.contains(root) ? "" : " (" + root + ")");
    switch (status.getCode()) {
      case UNAUTHENTICATED:
        return new AuthenticationException(message, cause, code);
      case PERMISSION_DENIED:
        return new PermissionDeniedException(message, cause, code);
      case INVALID_ARGUMENT:
        return new InvalidArgumentException(message, cause, code);
      case ALREADY_EXISTS:
        {
          Matcher m = DUPLICATE_IDENTITY.matcher(description);
          return new DuplicateIdentityException(m.find() ? m.group(1) : identity, message, cause);
        }
      case NOT_FOUND:
        return new ConnectionException(FailureReason.NOT_FOUND, message, cause, false, code);
      case UNIMPLEMENTED:
        return new ConnectionException(FailureReason.UNIMPLEMENTED, message, cause, false, code);
      case FAILED_PRECONDITION:
        return new ConnectionException(
            FailureReason.REJECTED,
            message,
            cause,
            !description.contains("ERR_EXTENSION_UNSUPPORTED"),
            code);
      case DEADLINE_EXCEEDED:
        return new AetherTimeoutException("stream", null, code);
      case UNAVAILABLE:
        return new ConnectionException(FailureReason.UNAVAILABLE, message, cause, true, code);
      case INTERNAL:
      case UNKNOWN:
      case DATA_LOSS:
        return new ConnectionException(FailureReason.INTERNAL, message, cause, true, code);
      case OK:
        return new ConnectionException(
            FailureReason.DISCONNECTED, address + " ended the stream", null, true, code);
      default:
        return new ConnectionException(FailureReason.DISCONNECTED, message, cause, true, code);
    }
  }

  private static String rootCause(@Nullable Throwable t) {
    if (t == null) {
      return "";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : ": " + firstLine(msg));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
