/**
 * Auto-configuration of the {@code AdminClient} bean.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.admin;

import org.jspecify.annotations.NullMarked;
