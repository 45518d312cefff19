/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.TokenOperation;
import io.github.aetherjava.proto.v1.TokenResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.List;

/** {@code TokenOperation}: mint, list, get, revoke and delete API tokens ({@code admin/tokens}). */
final class TokenComponent implements Dispatcher.Component {

  /** Default page size of LIST. */
  static final int DEFAULT_LIMIT = 100;

  private final TokenStore tokens;
  private final AdminGate gate;

  TokenComponent(TokenStore tokens, AdminGate gate) {
    this.tokens = tokens;
    this.gate = gate;
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.TOKEN_OP, (s, f) -> handle(s, f.getTokenOp()));
  }

  private void handle(Session session, TokenOperation op) {
    String rid = op.getRequestId();
    if (!gate.checkAdmin(session, "tokens", rid)) {
      return;
    }
    TokenResponse.Builder r = TokenResponse.newBuilder().setRequestId(rid);
    try {
      switch (op.getOp()) {
        case CREATE -> {
          TokenStore.Created c = tokens.create(op.getCreateRequest());
          r.setSuccess(true)
              .setMessage("token created")
              .setPlaintextToken(c.plaintext())
              .setToken(c.info())
              .setCreatedToken(c.info());
        }
        case LIST -> {
          List<io.github.aetherjava.proto.v1.TokenInfo> all =
              tokens.list(op.getFilter().getIncludeRevoked());
          int limit = op.getFilter().getLimit() <= 0 ? DEFAULT_LIMIT : op.getFilter().getLimit();
          int from = Math.min(all.size(), Math.max(0, op.getFilter().getOffset()));
          r.setSuccess(true)
              .addAllTokens(all.subList(from, Math.min(all.size(), from + limit)))
              .setTotalCount(all.size());
        }
        case GET ->
            tokens
                .get(op.getTokenId())
                .ifPresentOrElse(
                    t -> r.setSuccess(true).setToken(t),
                    () -> r.setSuccess(false).setError("token not found: " + op.getTokenId()));
        case REVOKE -> {
          if (tokens.revoke(op.getTokenId())) {
            r.setSuccess(true).setMessage("revoked");
          } else {
            r.setSuccess(false).setError("token not found: " + op.getTokenId());
          }
        }
        case DELETE -> {
          if (tokens.delete(op.getTokenId())) {
            r.setSuccess(true).setMessage("deleted");
          } else {
            r.setSuccess(false).setError("token not found: " + op.getTokenId());
          }
        }
        default -> r.setSuccess(false).setError("unknown token operation");
      }
    } catch (IllegalArgumentException e) {
      r.setSuccess(false).setError(e.getMessage());
    }
    session.send(DownstreamMessage.newBuilder().setToken(r).build());
  }
}
