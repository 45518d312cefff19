/** Named Aether clients configured under {@code aether.clients.<name>.*}. */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.clients;

import org.jspecify.annotations.NullMarked;
