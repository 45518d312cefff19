/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
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
 * subscribed at publish time, never stored.
 */
public final class Router {

  private final ConcurrentHashMap<String, DurableTopic> durable = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<Session>> lanes = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final int maxMessagesPerTopic;
  private final long maxBytesPerTopic;
  private final MessageJournal journal;
  private final int pushbackAt;

  Router(int maxMessagesPerTopic, long maxBytesPerTopic, int pushbackAt, MessageJournal journal) {
    this.pushbackAt = pushbackAt;
    this.maxMessagesPerTopic = maxMessagesPerTopic;
    this.maxBytesPerTopic = maxBytesPerTopic;
    this.journal = journal;
    long maxSeq = 0;
    for (MessageJournal.Recovered r : journal.recovered()) {
      topic(r.topic()).append(r.seq(), r.frame(), false);
      maxSeq = Math.max(maxSeq, r.seq());
    }
    seq.set(maxSeq);
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
    return durable.computeIfAbsent(
        name, n -> new DurableTopic(n, maxMessagesPerTopic, maxBytesPerTopic, pushbackAt, journal));
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
            DurableTopic t =
                existing != null
                    ? existing
                    : new DurableTopic(
                        name, maxMessagesPerTopic, maxBytesPerTopic, pushbackAt, journal);
            holder[0] = t.append(seq.incrementAndGet(), frame, true);
            target[0] = t;
            return t;
          });
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
              DurableTopic d =
                  existing != null
                      ? existing
                      : new DurableTopic(
                          name, maxMessagesPerTopic, maxBytesPerTopic, pushbackAt, journal);
              d.consumer(session);
              return d;
            });
    session.durable(t);
  }

  void subscribe(Session session, String lane) {
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
