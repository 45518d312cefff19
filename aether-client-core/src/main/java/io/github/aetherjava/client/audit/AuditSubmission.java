/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.audit;

import io.github.aetherjava.proto.v1.SubmitAuditEventResponse;

/**
 * The gateway's answer to a submitted audit event. A rejection is a result, not an exception:
 * {@link #accepted()} is false and {@link #errorCode()} says why ({@code ERR_AUDIT_TYPE_FORBIDDEN},
 * {@code ERR_PERMISSION_DENIED}, {@code ERR_AUDIT_RATE_LIMITED}, {@code ERR_AUDIT_DISABLED}).
 *
 * @param accepted whether the event was recorded
 * @param errorCode rejection code ("" when accepted)
 * @param errorMessage rejection detail ("" when accepted)
 * @since 0.1.0
 */
public record AuditSubmission(boolean accepted, String errorCode, String errorMessage) {

  /** Code of an event type clients may not submit. */
  public static final String TYPE_FORBIDDEN = "ERR_AUDIT_TYPE_FORBIDDEN";

  /** Code of a submission over the per-principal rate. */
  public static final String RATE_LIMITED = "ERR_AUDIT_RATE_LIMITED";

  /**
   * @return true if the gateway refused because of its rate limit (retrying later may help)
   */
  public boolean isRateLimited() {
    return RATE_LIMITED.equals(errorCode);
  }

  /**
   * @param p wire form
   * @return value
   */
  public static AuditSubmission fromProto(SubmitAuditEventResponse p) {
    return new AuditSubmission(p.getSuccess(), p.getErrorCode(), p.getErrorMessage());
  }
}
