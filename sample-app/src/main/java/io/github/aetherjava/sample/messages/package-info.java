/** JSON payloads exchanged by the sample's principals (converted by the starter with Jackson). */
@NullMarked
package io.github.aetherjava.sample.messages;

import org.jspecify.annotations.NullMarked;
