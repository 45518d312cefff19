/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.aetherjava.client.coord.Coordination;
import io.github.aetherjava.client.kv.KvScope;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import io.github.aetherjava.spring.boot.autoconfigure.AetherAutoConfiguration;
import io.github.aetherjava.spring.coordination.AetherLeaderInitiator;
import io.github.aetherjava.spring.coordination.LeadershipGrantedEvent;
import io.github.aetherjava.spring.coordination.LeadershipRevokedEvent;
import io.github.aetherjava.spring.integration.AetherLockRegistry;
import io.github.aetherjava.spring.shedlock.AetherLockProvider;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;

class AetherCoordinationAutoConfigurationTests {

  private static final AutoConfigurations CONFIGS =
      AutoConfigurations.of(
          AetherAutoConfiguration.class,
          AetherCoordinationAutoConfiguration.class,
          AetherLeaderElectionAutoConfiguration.class,
          AetherLockRegistryAutoConfiguration.class,
          AetherShedLockAutoConfiguration.class);

  private final ApplicationContextRunner offline =
      new ApplicationContextRunner()
          .withConfiguration(CONFIGS)
          .withClassLoader(new FilteredClassLoader(EmbeddedAetherGateway.class))
          .withPropertyValues(
              "aether.address=127.0.0.1:1",
              "aether.connect-on-startup=false",
              "aether.service.implementation=svc",
              "aether.service.specifier=1");

  private EmbeddedAetherGateway gateway;

  @BeforeEach
  void startGateway() {
    gateway =
        EmbeddedAetherGateway.builder()
            .tcp(false)
            .inProcessName("coord-spring-" + UUID.randomUUID())
            .start();
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }

  /** An application instance connected to the shared gateway. */
  private ApplicationContextRunner instance(String specifier) {
    return new ApplicationContextRunner()
        .withConfiguration(CONFIGS)
        .withPropertyValues(
            "aether.address=" + gateway.inProcessAddress(),
            "aether.service.implementation=svc",
            "aether.service.specifier=" + specifier,
            "aether.coordination.scope=workspace",
            "aether.coordination.workspace=ops",
            "aether.coordination.lease-time=2s",
            "aether.coordination.renew-interval=300ms",
            "aether.coordination.retry-interval=50ms");
  }

  @Test
  void nothingWithoutAScope() {
    offline.run(
        (context) -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(Coordination.class);
          assertThat(context).doesNotHaveBean(LockRegistry.class);
          assertThat(context).doesNotHaveBean(LockProvider.class);
          assertThat(context).doesNotHaveBean(AetherLeaderInitiator.class);
        });
  }

  @Test
  void aScopeGivesCoordinationLockRegistryAndShedLockProvider() {
    offline
        .withPropertyValues(
            "aether.coordination.scope=global", "aether.coordination.lease-time=20s")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              Coordination coordination = context.getBean(Coordination.class);
              assertThat(coordination.options().target().scope()).isEqualTo(KvScope.GLOBAL);
              assertThat(coordination.options().leaseTime()).isEqualTo(Duration.ofSeconds(20));
              assertThat(context).hasSingleBean(AetherLockRegistry.class);
              assertThat(context).hasSingleBean(AetherLockProvider.class);
              assertThat(context).doesNotHaveBean(AetherLeaderInitiator.class);
            });
  }

  @Test
  void leaderNameAddsTheInitiator() {
    offline
        .withPropertyValues(
            "aether.coordination.scope=global",
            "aether.coordination.leader.name=reports",
            "aether.coordination.leader.candidate-id=node-a")
        .run(
            (context) -> {
              AetherLeaderInitiator initiator = context.getBean(AetherLeaderInitiator.class);
              assertThat(initiator.getElection().name()).isEqualTo("reports");
              assertThat(initiator.getElection().candidateId()).isEqualTo("node-a");
            });
  }

  @Test
  void integrationsBackOffWithoutTheirLibraries() {
    offline
        .withClassLoader(
            new FilteredClassLoader(
                EmbeddedAetherGateway.class, LockRegistry.class, LockProvider.class))
        .withPropertyValues("aether.coordination.scope=global")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(Coordination.class);
              assertThat(context).doesNotHaveBean(AetherLockRegistry.class);
              assertThat(context).doesNotHaveBean(AetherLockProvider.class);
            });
  }

  @Test
  void integrationsBackOffForUserBeansAndWhenDisabled() {
    offline
        .withPropertyValues("aether.coordination.scope=global")
        .withBean(LockRegistry.class, DefaultLockRegistry::new)
        .withPropertyValues("aether.coordination.shedlock.enabled=false")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(LockRegistry.class);
              assertThat(context).doesNotHaveBean(AetherLockRegistry.class);
              assertThat(context).doesNotHaveBean(LockProvider.class);
            });
  }

  @Test
  void noCoordinationWithoutASingleKvClient() {
    offline
        .withPropertyValues(
            "aether.coordination.scope=global",
            "aether.agent.workspace=w",
            "aether.agent.implementation=a",
            "aether.agent.specifier=1")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(Coordination.class);
            });
  }

  @Test
  void lockRegistryExcludesAcrossInstances() {
    instance("1")
        .run(
            (first) ->
                instance("2")
                    .run(
                        (second) -> {
                          Lock a = first.getBean(LockRegistry.class).obtain("orders");
                          Lock b = second.getBean(LockRegistry.class).obtain("orders");
                          assertThat(a.tryLock(5, TimeUnit.SECONDS)).isTrue();
                          assertThat(a.tryLock()).as("reentrant").isTrue();
                          a.unlock();
                          assertThat(b.tryLock()).isFalse();
                          a.unlock();
                          assertThat(b.tryLock(5, TimeUnit.SECONDS)).isTrue();
                          b.unlock();
                        }));
  }

  @Test
  void schedulerLockRunsOnOneInstanceAtATime() {
    instance("1")
        .withUserConfiguration(LockedJobConfig.class)
        .run(
            (first) ->
                instance("2")
                    .withUserConfiguration(LockedJobConfig.class)
                    .run(
                        (second) -> {
                          LockedJob one = first.getBean(LockedJob.class);
                          LockedJob two = second.getBean(LockedJob.class);
                          one.hold(true);
                          Thread t = new Thread(one::run);
                          t.start();
                          await().atMost(Duration.ofSeconds(10)).until(() -> one.runs() == 1);
                          two.run(); // skipped: the other instance holds the lock
                          assertThat(two.runs()).isZero();
                          one.hold(false);
                          t.join(10_000);
                          two.run(); // lockAtLeastFor is 0: runs once the first finished
                          assertThat(two.runs()).isEqualTo(1);
                        }));
  }

  @Test
  void oneOfTwoInstancesLeadsAndTheOtherTakesOverWhenItStops() {
    List<String> events = new CopyOnWriteArrayList<>();
    instance("1")
        .withPropertyValues("aether.coordination.leader.name=leader")
        .withBean(LeadershipRecorder.class, () -> new LeadershipRecorder("1", events))
        .run(
            (first) -> {
              await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("+1"));
              instance("2")
                  .withPropertyValues("aether.coordination.leader.name=leader")
                  .withBean(LeadershipRecorder.class, () -> new LeadershipRecorder("2", events))
                  .run(
                      (second) -> {
                        AetherLeaderInitiator a = first.getBean(AetherLeaderInitiator.class);
                        AetherLeaderInitiator b = second.getBean(AetherLeaderInitiator.class);
                        assertThat(a.isLeader()).isTrue();
                        assertThat(b.isLeader()).isFalse();
                        a.stop();
                        await().atMost(Duration.ofSeconds(10)).until(b::isLeader);
                        assertThat(events).containsSubsequence("+1", "-1", "+2");
                      });
            });
  }

  /** Records leadership events of one instance. */
  static final class LeadershipRecorder implements ApplicationListener<LeadershipGrantedEvent> {

    private final String id;
    private final List<String> events;

    LeadershipRecorder(String id, List<String> events) {
      this.id = id;
      this.events = events;
    }

    @Override
    public void onApplicationEvent(LeadershipGrantedEvent event) {
      events.add("+" + id);
    }

    @org.springframework.context.event.EventListener
    void revoked(LeadershipRevokedEvent event) {
      events.add("-" + id);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableSchedulerLock(defaultLockAtMostFor = "10s")
  static class LockedJobConfig {

    @Bean
    LockedJob lockedJob() {
      return new LockedJob();
    }
  }

  /** A job guarded by ShedLock. */
  static class LockedJob {

    private final AtomicInteger runs = new AtomicInteger();
    private volatile boolean hold;

    public int runs() {
      return runs.get();
    }

    public void hold(boolean value) {
      hold = value;
    }

    @SchedulerLock(name = "nightly")
    public void run() {
      runs.incrementAndGet();
      await().atMost(Duration.ofSeconds(10)).until(() -> !hold);
    }
  }
}
