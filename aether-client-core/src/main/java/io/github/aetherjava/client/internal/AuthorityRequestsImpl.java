/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.authority.AuthorityRequest;
import io.github.aetherjava.client.authority.AuthorityRequestDecision;
import io.github.aetherjava.client.authority.AuthorityRequestEvent;
import io.github.aetherjava.client.authority.AuthorityRequestException;
import io.github.aetherjava.client.authority.AuthorityRequestListFilter;
import io.github.aetherjava.client.authority.AuthorityRequestSpec;
import io.github.aetherjava.client.authority.AuthorityRequests;
import io.github.aetherjava.proto.v1.AuthorityRequestOperation;
import io.github.aetherjava.proto.v1.AuthorityRequestOperationResponse;
import io.github.aetherjava.proto.v1.AuthorityRequestResourceScopeEntry;
import io.github.aetherjava.proto.v1.CreateAuthorityRequestPayload;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ResolveAuthorityRequestPayload;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link AuthorityRequests} over {@link ClientCore#request}; answers are correlated by {@code
 * client_request_id}, the field the gateway echoes for these operations.
 */
public final class AuthorityRequestsImpl implements AuthorityRequests {

  private final ClientCore core;
  private final EventListeners<AuthorityRequestEvent> listeners =
      new EventListeners<>("authority request");

  /**
   * Registers the response and the event push in the client's route table.
   *
   * @param core connection
   */
  public AuthorityRequestsImpl(ClientCore core) {
    this.core = core;
    core.routes()
        .correlated(
            DownstreamMessage.PayloadCase.AUTHORITY_REQUEST_RESPONSE,
            m -> m.getAuthorityRequestResponse().getClientRequestId());
    core.routes()
        .ordered(
            DownstreamMessage.PayloadCase.AUTHORITY_REQUEST_EVENT,
            m -> listeners.fire(AuthorityRequestEvent.fromProto(m.getAuthorityRequestEvent())));
  }

  @Override
  public Duration defaultTimeout() {
    return core.options().requestTimeout();
  }

  @Override
  public Registration onEvent(Consumer<AuthorityRequestEvent> listener) {
    return listeners.add(listener);
  }

  @Override
  public CompletableFuture<AuthorityRequest> create(AuthorityRequestSpec spec, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(spec, "spec");
          CreateAuthorityRequestPayload.Builder p =
              CreateAuthorityRequestPayload.newBuilder()
                  .addAllDesiredWorkspaceScope(spec.workspaceScope())
                  .addAllDesiredResourceScope(resources(spec.resourceScope()))
                  .addAllDesiredOperationScope(spec.operationScope())
                  .setRequestedAccessLevel(AuthorityRequest.toProto(spec.accessLevel()))
                  .setRequestedDurationSeconds(spec.duration().toSeconds())
                  .setAudienceType(spec.audienceType())
                  .setAudienceId(spec.audienceId())
                  .setRoutingTarget(spec.routing().toProto())
                  .setReason(spec.reason())
                  .setTaskId(spec.taskId())
                  .putAllMetadata(spec.metadata());
          if (spec.requestingActor() != null) {
            p.setRequestingActor(spec.requestingActor().toProto());
          }
          if (spec.targetSubject() != null) {
            p.setTargetSubject(spec.targetSubject().toProto());
          }
          return single(
              "authorityRequest.create",
              AuthorityRequestOperation.newBuilder()
                  .setOp(AuthorityRequestOperation.OpType.CREATE)
                  .setCreate(p),
              timeout,
              false);
        });
  }

  @Override
  public CompletableFuture<AuthorityRequest> get(String requestId, Duration timeout) {
    return Arguments.check(
        () ->
            single(
                "authorityRequest.get",
                AuthorityRequestOperation.newBuilder()
                    .setOp(AuthorityRequestOperation.OpType.GET)
                    .setRequestId(id(requestId)),
                timeout,
                true));
  }

  @Override
  public CompletableFuture<List<AuthorityRequest>> list(
      AuthorityRequestListFilter filter, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(filter, "filter");
          String operation = "authorityRequest.list";
          return call(
              operation,
              AuthorityRequestOperation.newBuilder()
                  .setOp(AuthorityRequestOperation.OpType.LIST_PENDING)
                  .setListFilter(filter.toProto()),
              timeout,
              true,
              r -> {
                List<AuthorityRequest> out = new ArrayList<>(r.getRequestsCount());
                r.getRequestsList().forEach(x -> out.add(AuthorityRequest.fromProto(x)));
                return List.copyOf(out);
              });
        });
  }

  @Override
  public CompletableFuture<AuthorityRequest> approve(
      String requestId, AuthorityRequestDecision decision, Duration timeout) {
    return Arguments.check(
        () -> {
          String id = id(requestId);
          Arguments.notNull(decision, "decision");
          ResolveAuthorityRequestPayload.Builder p =
              ResolveAuthorityRequestPayload.newBuilder()
                  .setDecision(ResolveAuthorityRequestPayload.Decision.APPROVE)
                  .setReason(decision.reason())
                  .addAllGrantedWorkspaceScope(decision.workspaceScope())
                  .addAllGrantedResourceScope(resources(decision.resourceScope()))
                  .addAllGrantedOperationScope(decision.operationScope())
                  .setMayDelegate(decision.remainingHops() > 0)
                  .setRemainingHops(decision.remainingHops());
          if (decision.accessLevel() != null) {
            p.setGrantedAccessLevel(AuthorityRequest.toProto(decision.accessLevel()));
          }
          if (decision.duration() != null) {
            p.setGrantedDurationSeconds(decision.duration().toSeconds());
          }
          return single(
              "authorityRequest.approve",
              AuthorityRequestOperation.newBuilder()
                  .setOp(AuthorityRequestOperation.OpType.RESOLVE)
                  .setRequestId(id)
                  .setResolve(p),
              timeout,
              false);
        });
  }

  @Override
  public CompletableFuture<AuthorityRequest> deny(
      String requestId, String reason, Duration timeout) {
    return Arguments.check(
        () ->
            single(
                "authorityRequest.deny",
                AuthorityRequestOperation.newBuilder()
                    .setOp(AuthorityRequestOperation.OpType.RESOLVE)
                    .setRequestId(id(requestId))
                    .setResolve(
                        ResolveAuthorityRequestPayload.newBuilder()
                            .setDecision(ResolveAuthorityRequestPayload.Decision.DENY)
                            .setReason(Arguments.notNull(reason, "reason"))),
                timeout,
                false));
  }

  @Override
  public CompletableFuture<AuthorityRequest> cancel(
      String requestId, String reason, Duration timeout) {
    return Arguments.check(
        () ->
            single(
                "authorityRequest.cancel",
                AuthorityRequestOperation.newBuilder()
                    .setOp(AuthorityRequestOperation.OpType.CANCEL)
                    .setRequestId(id(requestId))
                    .setReason(Arguments.notNull(reason, "reason")),
                timeout,
                false));
  }

  private static String id(String requestId) {
    return AuthorityGrantsImpl.requireId(requestId, "requestId");
  }

  private CompletableFuture<AuthorityRequest> single(
      String operation, AuthorityRequestOperation.Builder op, Duration timeout, boolean read) {
    return call(
        operation,
        op,
        timeout,
        read,
        r -> {
          if (!r.hasRequest()) {
            throw new AuthorityRequestException(operation, "the gateway returned no request");
          }
          return AuthorityRequest.fromProto(r.getRequest());
        });
  }

  private <T> CompletableFuture<T> call(
      String operation,
      AuthorityRequestOperation.Builder op,
      Duration timeout,
      boolean read,
      Function<AuthorityRequestOperationResponse, T> decode) {
    Arguments.positive(timeout, "timeout");
    String id = core.nextRequestId();
    return core.request(
        operation,
        id,
        UpstreamMessage.newBuilder().setAuthorityRequestOp(op.setClientRequestId(id)).build(),
        timeout,
        read,
        m -> {
          AuthorityRequestOperationResponse r = m.getAuthorityRequestResponse();
          if (!r.getSuccess()) {
            throw new AuthorityRequestException(
                operation, AuthorityGrantsImpl.reasonOf(r.getError()));
          }
          return decode.apply(r);
        },
        e -> AdminClientImpl.mapError(operation, e),
        core.observe(operation));
  }

  private static List<AuthorityRequestResourceScopeEntry> resources(
      Map<String, List<String>> scope) {
    List<AuthorityRequestResourceScopeEntry> out = new ArrayList<>();
    scope.forEach(
        (type, patterns) ->
            out.add(
                AuthorityRequestResourceScopeEntry.newBuilder()
                    .setResourceType(type)
                    .addAllPatterns(patterns)
                    .build()));
    return out;
  }
}
