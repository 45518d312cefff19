/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documented observations of the Aether Spring integration, with their key names.
 *
 * @since 0.1.0
 */
public enum AetherObservationDocumentation implements ObservationDocumentation {

  /** Invocation of an annotated listener method ({@code aether.listener}). */
  LISTENER {

    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>>
        getDefaultConvention() {
      return DefaultAetherListenerObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return ListenerLowCardinalityKeyNames.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return ListenerHighCardinalityKeyNames.values();
    }
  },

  /**
   * Outbound request/response operation of a client ({@code aether.request}): KV, checkpoints,
   * tasks, admin, proxy.
   */
  REQUEST {

    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>>
        getDefaultConvention() {
      return DefaultAetherRequestObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return RequestLowCardinalityKeyNames.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return RequestHighCardinalityKeyNames.values();
    }
  };

  /** Low-cardinality keys of {@link #LISTENER}. */
  public enum ListenerLowCardinalityKeyNames implements KeyName {

    /** Listener id. */
    LISTENER_ID {
      @Override
      public String asString() {
        return "aether.listener.id";
      }
    },

    /** What the listener receives: message, config, task_assignment, progress, connection_event. */
    LISTENER_KIND {
      @Override
      public String asString() {
        return "aether.listener.kind";
      }
    },

    /** Principal kind of the client, e.g. agent. */
    PRINCIPAL {
      @Override
      public String asString() {
        return "aether.principal";
      }
    },

    /** Message type, or "none" for non-message listeners. */
    MESSAGE_TYPE {
      @Override
      public String asString() {
        return "aether.message.type";
      }
    }
  }

  /** High-cardinality keys of {@link #LISTENER}. */
  public enum ListenerHighCardinalityKeyNames implements KeyName {

    /** Source topic of the message. */
    SOURCE_TOPIC {
      @Override
      public String asString() {
        return "aether.source.topic";
      }
    },

    /** Identity of the client. */
    IDENTITY {
      @Override
      public String asString() {
        return "aether.identity";
      }
    }
  }

  /** Low-cardinality keys of {@link #REQUEST}. */
  public enum RequestLowCardinalityKeyNames implements KeyName {

    /** Operation, e.g. kv.get or checkpoint.save. */
    OPERATION {
      @Override
      public String asString() {
        return "aether.operation";
      }
    },

    /** Principal kind of the client, e.g. agent. */
    PRINCIPAL {
      @Override
      public String asString() {
        return "aether.principal";
      }
    },

    /** success, timeout or error. */
    OUTCOME {
      @Override
      public String asString() {
        return "aether.outcome";
      }
    }
  }

  /** High-cardinality keys of {@link #REQUEST}. */
  public enum RequestHighCardinalityKeyNames implements KeyName {

    /** Identity of the client. */
    IDENTITY {
      @Override
      public String asString() {
        return "aether.identity";
      }
    }
  }
}
