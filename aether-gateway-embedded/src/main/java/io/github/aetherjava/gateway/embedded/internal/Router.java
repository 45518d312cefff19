/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Topic fan-out. Identity topics ({@code ag tu ta us br sv} and the {@code event/metric::receiverN}
 * fan-in topics) are durable single-consumer logs: kept while the consumer is offline and replayed
 * in order when it connects. Every other topic is a broadcast lane: delivered to whoever is
 * subscribed at publish time; under lite-parity the {@code ga::} and {@code tb::} lanes are also
 * retained and replayed to each new subscriber, as AetherLite does.
 */
public final class Router {

  private final ConcurrentHashMap<String, DurableTopic> durable = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<Session>> lanes = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final int maxMessagesPerTopic;
  private final long maxBytesPerTopic;
  private final MessageJournal journal;
  private final Retention retention;
  private final Clock clock;
  private final int pushbackAt;
  private final boolean liteParity;
  private final @Nullable RetainedLanes retainedLanes;

  /**
   * A router; {@code liteParity} adds AetherLite's live staging of identity-topic messages and its
   * replay of {@code ga::}/{@code tb::} broadcasts to later subscribers.
   */
  Router(
      int maxMessagesPerTopic,
      long maxBytesPerTopic,
      int pushbackAt,
      MessageJournal journal,
      Retention retention,
      Clock clock,
      boolean liteParity,
      int maxLanes,
      long maxLaneBytes) {
    this.pushbackAt = pushbackAt;
    this.liteParity = liteParity;
    this.retainedLanes =
        liteParity
            ? new RetainedLanes(
                maxMessagesPerTopic,
                maxBytesPerTopic,
                maxLanes,
                maxLaneBytes,
                retention.retentionMillis())
            : null;
    this.maxMessagesPerTopic = maxMessagesPerTopic;
    this.maxBytesPerTopic = maxBytesPerTopic;
    this.journal = journal;
    this.retention = retention;
    this.clock = clock;
    long maxSeq = 0;
    for (MessageJournal.Recovered r : journal.recovered()) {
      topic(r.topic()).append(r.seq(), r.frame(), r.appendedAtMillis(), false);
      maxSeq = Math.max(maxSeq, r.seq());
    }
    seq.set(maxSeq);
    enforceBounds();
  }

  /** True for topics whose messages are stored for their (single) consumer. */
  public static boolean isDurable(String topic) {
    int sep = topic.indexOf(Identity.SEP);
    if (sep <= 0) {
      return false;
    }
    String prefix = topic.substring(0, sep);
    return switch (prefix) {
      case "ag", "tu", "ta", "us", "br", "sv" -> true;
      case "event", "metric" -> isReceiverTopic(topic);
      default -> false;
    };
  }

  /** {@code event::receiverN} / {@code metric::receiverN}. */
  public static boolean isReceiverTopic(String topic) {
    int sep = topic.indexOf(Identity.SEP);
    if (sep <= 0) {
      return false;
    }
    String rest = topic.substring(sep + Identity.SEP.length());
    if (!rest.startsWith("receiver") || rest.length() == "receiver".length()) {
      return false;
    }
    for (int i = "receiver".length(); i < rest.length(); i++) {
      if (!Character.isDigit(rest.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private DurableTopic topic(String name) {
    return durable.computeIfAbsent(name, this::newTopic);
  }

  private DurableTopic newTopic(String name) {
    return new DurableTopic(
        name, maxMessagesPerTopic, maxBytesPerTopic, pushbackAt, journal, retention, liteParity);
  }

  /** Publishes an already stamped frame to {@code topic}. */
  public void publish(String topic, DownstreamMessage frame) {
    publish(topic, frame, null);
  }

  /**
   * Publishes an already stamped frame to {@code topic}. If that leaves a live consumer's backlog
   * congested, the {@code sender}'s inbound stream is paused until the backlog has halved: gRPC
   * flow control then pushes back on the sending client instead of the gateway dropping messages.
   */
  public void publish(String topic, DownstreamMessage frame, @Nullable Session sender) {
    if (isDurable(topic)) {
      Session wake;
      DurableTopic[] target = new DurableTopic[1];
      // Appending under the map's per-key lock keeps a concurrent "remove empty topic" from losing
      // the message.
      Session[] holder = new Session[1];
      durable.compute(
          topic,
          (name, existing) -> {
            DurableTopic t = existing != null ? existing : newTopic(name);
            holder[0] = t.append(seq.incrementAndGet(), frame, clock.millis(), true);
            target[0] = t;
            return t;
          });
      enforceBounds();
      wake = holder[0];
      if (wake != null) {
        wake.drain();
      }
      DurableTopic t = target[0];
      if (sender != null && t != null && wake != sender && t.congested()) {
        sender.pauseInbound();
        if (!t.whenDrained(sender::resumeInbound)) {
          sender.resumeInbound();
        }
      }
      return;
    }
    RetainedLanes retained = retainedLanes;
    if (retained != null && RetainedLanes.retains(topic)) {
      for (Session s : retained.publish(topic, frame, clock.millis(), lanes.get(topic))) {
        s.drain();
      }
      return;
    }
    Set<Session> subs = lanes.get(topic);
    if (subs != null) {
      for (Session s : subs) {
        s.offerLane(frame);
      }
    }
  }

  /** Publishes to a broadcast lane, delivering only to subscribers accepted by {@code filter}. */
  public void publishLane(String lane, DownstreamMessage frame, Predicate<Session> filter) {
    Set<Session> subs = lanes.get(lane);
    if (subs != null) {
      for (Session s : subs) {
        if (filter.test(s)) {
          s.offerLane(frame);
        }
      }
    }
  }

  /**
   * Makes {@code session} the consumer of its identity topic; the backlog is then delivered in
   * order.
   */
  void attachDurable(Session session, String topic) {
    // Under the map's per-key lock: a concurrent detachAll of the previous consumer removes an
    // empty topic only
    // while it has no consumer, so the new consumer is never attached to a topic that is no longer
    // in the map.
    DurableTopic t =
        durable.compute(
            topic,
            (name, existing) -> {
              DurableTopic d = existing != null ? existing : newTopic(name);
              d.consumer(session);
              return d;
            });
    session.durable(t);
  }

  void subscribe(Session session, String lane) {
    RetainedLanes retained = retainedLanes;
    if (retained != null && RetainedLanes.retains(lane)) {
      retained.subscribeAndReplay(
          lane, session, clock.millis(), () -> addSubscriber(session, lane));
      session.drain();
      return;
    }
    addSubscriber(session, lane);
  }

  private void addSubscriber(Session session, String lane) {
    lanes.computeIfAbsent(lane, k -> ConcurrentHashMap.newKeySet()).add(session);
    session.laneSubscriptions().add(lane);
  }

  void unsubscribe(Session session, String lane) {
    session.laneSubscriptions().remove(lane);
    lanes.computeIfPresent(
        lane,
        (k, set) -> {
          set.remove(session);
          return set.isEmpty() ? null : set;
        });
  }

  /**
   * Removes every subscription of a finished session. Its undelivered durable messages stay for the
   * next one.
   */
  void detachAll(Session session) {
    for (String lane : Set.copyOf(session.laneSubscriptions())) {
      unsubscribe(session, lane);
    }
    DurableTopic t = session.durable();
    if (t != null) {
      session.durable(null);
      durable.computeIfPresent(
          t.topic(), (k, existing) -> existing.detach(session) ? null : existing);
    }
  }

  /**
   * While the gateway-wide bounds are exceeded, removes the oldest stored message (whichever topic
   * holds it), and topics left empty without a consumer.
   */
  private void enforceBounds() {
    while (retention.overBound()) {
      Map.Entry<Long, DurableTopic> oldest = retention.oldest();
      if (oldest == null) {
        return;
      }
      dropOldest(oldest, Retention.Loss.TOTAL_BOUND, Long.MAX_VALUE);
    }
  }

  /**
   * Removes stored messages older than the retention age, oldest first; called periodically.
   *
   * @return messages removed
   */
  int expireOld() {
    RetainedLanes retained = retainedLanes;
    if (retained != null) {
      retained.expire(clock.millis());
    }
    long cutoff = clock.millis() - retention.retentionMillis();
    int removed = 0;
    while (true) {
      Map.Entry<Long, DurableTopic> oldest = retention.oldest();
      if (oldest == null) {
        return removed;
      }
      DurableTopic.Drop d = dropOldest(oldest, Retention.Loss.AGE, cutoff);
      if (d == DurableTopic.Drop.TOO_YOUNG) {
        return removed;
      }
      if (d == DurableTopic.Drop.DROPPED) {
        removed++;
      }
    }
  }

  private DurableTopic.Drop dropOldest(
      Map.Entry<Long, DurableTopic> oldest, Retention.Loss loss, long cutoffMillis) {
    DurableTopic t = oldest.getValue();
    DurableTopic.Drop d = t.dropHead(oldest.getKey(), loss, cutoffMillis);
    if (d == DurableTopic.Drop.STALE) {
      retention.forget(oldest.getKey(), t);
    } else if (d == DurableTopic.Drop.DROPPED) {
      // Under the map's per-key lock, like publish and attach, so a concurrent publish never
      // appends to a topic that has just left the map.
      durable.computeIfPresent(t.topic(), (k, v) -> v == t && v.idle() ? null : v);
    }
    return d;
  }

  /** Gateway-wide storage counters. */
  Retention retention() {
    return retention;
  }

  /** Topics currently held (with messages, or with a connected consumer). */
  int storedTopics() {
    return durable.size();
  }

  /** Messages stored for {@code topic} and not yet written to its consumer. */
  public int backlog(String topic) {
    DurableTopic t = durable.get(topic);
    return t == null ? 0 : t.size();
  }

  /** Messages dropped from {@code topic} because its bound was reached. */
  public long dropped(String topic) {
    DurableTopic t = durable.get(topic);
    return t == null ? 0 : t.dropped();
  }

  Map<String, Integer> backlogs() {
    Map<String, Integer> out = new TreeMap<>();
    durable.forEach(
        (k, v) -> {
          int n = v.size();
          if (n > 0) {
            out.put(k, n);
          }
        });
    return out;
  }
}
