/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.listener;

import com.google.protobuf.MessageLite;
import io.github.aetherjava.client.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.ProtobufMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.util.ClassUtils;

/**
 * Builds the default payload converter of Aether listeners: {@code byte[]}, {@code String} (UTF-8),
 * protobuf messages, then JSON through Jackson 3 for any other type when Jackson is on the
 * classpath.
 *
 * @since 0.1.0
 */
public final class AetherMessageConverters {

  private static final boolean JACKSON_PRESENT =
      ClassUtils.isPresent(
          "tools.jackson.databind.json.JsonMapper", AetherMessageConverters.class.getClassLoader());

  private AetherMessageConverters() {}

  /**
   * Create the default converter chain, with JSON support when Jackson 3 is on the classpath.
   *
   * @return the composite converter
   */
  public static CompositeMessageConverter createDefault() {
    return create(JACKSON_PRESENT ? JacksonSupport.create() : null);
  }

  /**
   * Create the converter chain with the given JSON converter.
   *
   * @param jsonConverter the JSON converter to use last, or {@code null} for no JSON support
   * @return the composite converter
   */
  public static CompositeMessageConverter create(@Nullable MessageConverter jsonConverter) {
    List<MessageConverter> converters = new ArrayList<>();
    converters.add(new ByteArrayMessageConverter());
    converters.add(new StringMessageConverter());
    // Protobuf before JSON: Jackson would otherwise claim generated message classes.
    converters.add(new ProtobufMessageConverter());
    if (jsonConverter != null) {
      converters.add(jsonConverter);
    }
    return new CompositeMessageConverter(converters);
  }

  /**
   * Convert an outgoing payload to bytes: {@code byte[]} as is, {@code String} as UTF-8, protobuf
   * messages in their wire form, anything else through the converter (JSON with Jackson).
   *
   * @param payload the payload object
   * @param converter the converter for other types
   * @return the bytes
   * @throws InvalidArgumentException when the converter cannot convert the payload
   */
  public static byte[] toBytes(Object payload, MessageConverter converter) {
    if (payload instanceof byte[] bytes) {
      return bytes;
    }
    if (payload instanceof String string) {
      return string.getBytes(StandardCharsets.UTF_8);
    }
    if (payload instanceof MessageLite protobuf) {
      return protobuf.toByteArray();
    }
    Message<?> converted;
    try {
      converted = converter.toMessage(payload, null);
    } catch (RuntimeException ex) {
      throw new InvalidArgumentException(
          "payload of type " + payload.getClass().getName() + " cannot be converted: " + ex,
          ex,
          null);
    }
    if (converted != null && converted.getPayload() instanceof byte[] bytes) {
      return bytes;
    }
    if (converted != null && converted.getPayload() instanceof String string) {
      return string.getBytes(StandardCharsets.UTF_8);
    }
    throw new InvalidArgumentException(
        "payload of type "
            + payload.getClass().getName()
            + " cannot be converted to bytes; send byte[], String, a protobuf message or add"
            + " Jackson to the classpath");
  }

  private static final class JacksonSupport {

    static MessageConverter create() {
      return new JacksonJsonMessageConverter();
    }
  }
}
