/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.interop;

import io.github.aetherjava.proto.v1.AetherGatewayGrpc;
import io.github.aetherjava.proto.v1.AgentOperation;
import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.InitConnection;
import io.github.aetherjava.proto.v1.OrchestratorIdentity;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs the task conformance cases against a real Aether gateway named by {@code
 * AETHER_INTEROP_ADDRESS} (never in CI). By hand: start AetherLite as {@code
 * RealGatewayInteropTest} describes, then {@code AETHER_INTEROP_ADDRESS=127.0.0.1:50061 ./mvnw -B
 * -ntp -pl reliability-tests -am verify -Dtest='Real*InteropTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfEnvironmentVariable(named = "AETHER_INTEROP_ADDRESS", matches = ".+")
class RealTaskInteropTest extends TaskConformanceTests {

  @Override
  String gatewayAddress() {
    return System.getenv("AETHER_INTEROP_ADDRESS");
  }

  /** Registers over the stream as an orchestrator (the SDK has no registry API yet). */
  @Override
  boolean registerAgent(String implementation, String profile) {
    ManagedChannel channel = NettyChannelBuilder.forTarget(gatewayAddress()).usePlaintext().build();
    try {
      CompletableFuture<DownstreamMessage> answer = new CompletableFuture<>();
      StreamObserver<UpstreamMessage> up =
          AetherGatewayGrpc.newStub(channel)
              .connect(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(DownstreamMessage m) {
                      if (m.hasAgent() || m.hasError()) {
                        answer.complete(m);
                      }
                    }

                    @Override
                    public void onError(Throwable t) {
                      answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                      answer.completeExceptionally(new IllegalStateException("stream ended"));
                    }
                  });
      up.onNext(
          UpstreamMessage.newBuilder()
              .setInit(
                  InitConnection.newBuilder()
                      .setOrchestrator(
                          OrchestratorIdentity.newBuilder()
                              .setImplementation("registrar")
                              .setSpecifier("r" + System.nanoTime())
                              .addSupportedProfiles("none")))
              .build());
      up.onNext(
          UpstreamMessage.newBuilder()
              .setAgentOp(
                  AgentOperation.newBuilder()
                      .setOp(AgentOperation.OpType.REGISTER)
                      .setAgent(
                          AgentRegistrationInfo.newBuilder()
                              .setImplementation(implementation)
                              .setOrchestratorProfile(profile)
                              .putLaunchParams("profile", profile)))
              .build());
      DownstreamMessage m = answer.get(15, TimeUnit.SECONDS);
      up.onCompleted();
      return m.hasAgent() && m.getAgent().getSuccess();
    } catch (Exception e) {
      return false;
    } finally {
      channel.shutdownNow();
    }
  }
}
