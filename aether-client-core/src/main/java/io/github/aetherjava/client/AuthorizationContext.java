/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Under whose authority a call is made: the caller's own ({@link #direct()}), or on behalf of a
 * subject under an authority grant that names the caller as delegate ({@link #onBehalfOf}). The
 * gateway checks the grant; a receiver of an on-behalf-of message sees the subject in {@link
 * IncomingMessage#onBehalfOf()}.
 *
 * @since 0.1.0
 */
public final class AuthorizationContext {

  /** Wire value of the on-behalf-of mode. */
  public static final String MODE_ON_BEHALF_OF = "on_behalf_of";

  /** Wire value of the direct mode. */
  public static final String MODE_DIRECT = "direct";

  private static final AuthorizationContext DIRECT = new AuthorizationContext(null, "");

  private final @Nullable PrincipalRef subject;
  private final String grantId;

  private AuthorizationContext(@Nullable PrincipalRef subject, String grantId) {
    this.subject = subject;
    this.grantId = grantId;
  }

  /**
   * @return the caller's own authority
   */
  public static AuthorizationContext direct() {
    return DIRECT;
  }

  /**
   * @param subject on whose behalf, e.g. {@code new PrincipalRef("user", "alice")}
   * @param grantId a grant whose delegate is the caller and whose subject is {@code subject}
   * @return the context
   * @throws InvalidArgumentException naming the argument when one is blank
   */
  public static AuthorizationContext onBehalfOf(PrincipalRef subject, String grantId) {
    Arguments.notNull(subject, "subject");
    if (subject.type() == null || subject.type().isBlank()) {
      throw new InvalidArgumentException("subject.type must not be blank");
    }
    if (subject.id() == null || subject.id().isBlank()) {
      throw new InvalidArgumentException("subject.id must not be blank");
    }
    if (grantId == null || grantId.isBlank()) {
      throw new InvalidArgumentException("grantId must not be blank");
    }
    return new AuthorizationContext(subject, grantId);
  }

  /**
   * @return true for an on-behalf-of context
   */
  public boolean isOnBehalfOf() {
    return subject != null;
  }

  /**
   * @return the subject, or null for a direct context
   */
  public @Nullable PrincipalRef subject() {
    return subject;
  }

  /**
   * @return the grant id, or empty for a direct context
   */
  public String grantId() {
    return grantId;
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.AuthorizationContext toProto() {
    var b = io.github.aetherjava.proto.v1.AuthorizationContext.newBuilder();
    if (subject == null) {
      return b.setAuthorityMode(MODE_DIRECT).build();
    }
    return b.setAuthorityMode(MODE_ON_BEHALF_OF)
        .setSubject(subject.toProto())
        .setGrantId(grantId)
        .build();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AuthorizationContext c
        && Objects.equals(subject, c.subject)
        && grantId.equals(c.grantId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, grantId);
  }

  @Override
  public String toString() {
    return subject == null ? "direct" : "on_behalf_of " + subject + " grant " + grantId;
  }
}
