/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Arguments;
import io.github.aetherjava.client.internal.Identifiers;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.SwitchWorkspace;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.github.aetherjava.proto.v1.UserIdentity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A user window {@code us::{user}::{window}}. Users have no workspace at connect: {@link
 * #switchWorkspace} declares one (the gateway then delivers {@code gu::}, {@code uw::} and {@code
 * pg::} traffic of it). The workspace is session state the gateway forgets on reconnect, so this
 * client re-sends it after every acknowledgement. Users send direct messages only: no events,
 * metrics, {@code uu::} or KV.
 *
 * @since 0.1.0
 */
public final class UserClient extends SendingClient implements DirectMessaging {

  private final String userId;
  private final String windowId;
  private volatile @Nullable String workspace;

  private UserClient(Builder b, AetherClientOptions options) {
    super(options, PrincipalKind.USER);
    this.userId = b.userId;
    this.windowId = b.windowId;
    this.workspace = b.workspace;
  }

  /**
   * @param options connection options
   * @return a builder
   */
  public static Builder builder(AetherClientOptions options) {
    return new Builder(options);
  }

  @Override
  void fillIdentity(InitConnection.Builder init) {
    init.setUser(UserIdentity.newBuilder().setUserId(userId).setWindowId(windowId));
  }

  @Override
  List<UpstreamMessage> sessionFrames() {
    String ws = workspace;
    return ws == null ? List.of() : List.of(switchFrame(ws));
  }

  @Override
  Set<String> sendablePrefixes() {
    return SendPermissions.USER;
  }

  @Override
  String requestedIdentity() {
    return Topics.user(userId, windowId);
  }

  @Override
  public String topic() {
    return identity();
  }

  /**
   * @return user id
   */
  public String userId() {
    return userId;
  }

  /**
   * @return window id
   */
  public String windowId() {
    return windowId;
  }

  /**
   * @return the workspace last switched to (re-sent after each reconnect)
   */
  public Optional<String> workspace() {
    return Optional.ofNullable(workspace);
  }

  /**
   * Switches the session to a workspace (no response; ACL refusals arrive on {@link #onError}).
   * Remembered and re-sent after every reconnect. While disconnected it is sent on the next
   * acknowledgement.
   *
   * @param newWorkspace workspace
   * @return completes when handed to the transport
   */
  public CompletableFuture<Void> switchWorkspace(String newWorkspace) {
    try {
      Identifiers.validate(newWorkspace, "workspace");
    } catch (InvalidArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    this.workspace = newWorkspace;
    if (state() != ConnectionState.READY) {
      // the acknowledgement re-sends the remembered workspace first
      return CompletableFuture.completedFuture(null);
    }
    return core().enqueue(switchFrame(newWorkspace), null);
  }

  private static UpstreamMessage switchFrame(String ws) {
    return UpstreamMessage.newBuilder()
        .setSwitchWorkspace(SwitchWorkspace.newBuilder().setNewWorkspaceId(ws))
        .build();
  }

  /** Builder for {@link UserClient}. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String userId = "";
    private String windowId = "";
    private @Nullable String workspace;

    private Builder(AetherClientOptions options) {
      super(options);
    }

    /**
     * @param userId user id (required)
     * @return this
     */
    public Builder userId(String userId) {
      this.userId = Arguments.notNull(userId, "userId");
      return this;
    }

    /**
     * @param windowId window id (required)
     * @return this
     */
    public Builder windowId(String windowId) {
      this.windowId = Arguments.notNull(windowId, "windowId");
      return this;
    }

    /**
     * @param workspace workspace to switch to right after connecting (optional)
     * @return this
     */
    public Builder workspace(@Nullable String workspace) {
      this.workspace = workspace == null || workspace.isEmpty() ? null : workspace;
      return this;
    }

    /**
     * @return the client
     * @throws InvalidArgumentException if an identifier is missing or invalid
     */
    public UserClient build() {
      Identifiers.validate(userId, "userId");
      Identifiers.validate(windowId, "windowId");
      if (workspace != null) {
        Identifiers.validate(workspace, "workspace");
      }
      return new UserClient(this, options);
    }
  }
}
