package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.DownstreamMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Topic fan-out. Identity topics ({@code ag tu ta us br sv} and the {@code event/metric::receiverN} fan-in topics)
 * are durable single-consumer logs: kept while the consumer is offline and replayed in order when it connects.
 * Every other topic is a broadcast lane: delivered to whoever is subscribed at publish time, never stored.
 */
public final class Router {

  private final ConcurrentHashMap<String, DurableTopic> durable = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<Session>> lanes = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final int maxMessagesPerTopic;
  private final long maxBytesPerTopic;
  private final MessageJournal journal;

  Router(int maxMessagesPerTopic, long maxBytesPerTopic, MessageJournal journal) {
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
    return durable.computeIfAbsent(name, n -> new DurableTopic(n, maxMessagesPerTopic, maxBytesPerTopic, journal));
  }

  /** Publishes an already stamped frame to {@code topic}. */
  public void publish(String topic, DownstreamMessage frame) {
    if (isDurable(topic)) {
      Session wake;
      // Appending under the map's per-key lock keeps a concurrent "remove empty topic" from losing the message.
      Session[] holder = new Session[1];
      durable.compute(topic, (name, existing) -> {
        DurableTopic t = existing != null ? existing
            : new DurableTopic(name, maxMessagesPerTopic, maxBytesPerTopic, journal);
        holder[0] = t.append(seq.incrementAndGet(), frame, true);
        return t;
      });
      wake = holder[0];
      if (wake != null) {
        wake.drain();
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
  public void publishLane(String lane, DownstreamMessage frame, java.util.function.Predicate<Session> filter) {
    Set<Session> subs = lanes.get(lane);
    if (subs != null) {
      for (Session s : subs) {
        if (filter.test(s)) {
          s.offerLane(frame);
        }
      }
    }
  }

  /** Makes {@code session} the consumer of its identity topic; the backlog is then delivered in order. */
  void attachDurable(Session session, String topic) {
    DurableTopic t = topic(topic);
    t.consumer(session);
    session.durable(t);
  }

  void subscribe(Session session, String lane) {
    lanes.computeIfAbsent(lane, k -> ConcurrentHashMap.newKeySet()).add(session);
    session.laneSubscriptions().add(lane);
  }

  void unsubscribe(Session session, String lane) {
    session.laneSubscriptions().remove(lane);
    lanes.computeIfPresent(lane, (k, set) -> {
      set.remove(session);
      return set.isEmpty() ? null : set;
    });
  }

  /** Removes every subscription of a finished session. Its undelivered durable messages stay for the next one. */
  void detachAll(Session session) {
    for (String lane : Set.copyOf(session.laneSubscriptions())) {
      unsubscribe(session, lane);
    }
    DurableTopic t = session.durable();
    if (t != null) {
      session.durable(null);
      durable.computeIfPresent(t.topic(), (k, existing) -> existing.detach(session) ? null : existing);
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

  /** Current lane subscribers of {@code topic} (for introspection). */
  public int laneSubscribers(String topic) {
    Set<Session> s = lanes.get(topic);
    return s == null ? 0 : s.size();
  }

  @Nullable Session durableConsumer(String topic) {
    DurableTopic t = durable.get(topic);
    return t == null ? null : t.consumer();
  }

  Map<String, Integer> backlogs() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    durable.forEach((k, v) -> {
      int n = v.size();
      if (n > 0) {
        out.put(k, n);
      }
    });
    return out;
  }
}
