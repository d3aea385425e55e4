/**
 * The YAML test plan: its immutable model (cases, breakpoints, actions, expectations, metrics) and its reading, with
 * every problem located at file:line:col. Depends on nothing of the project's but the leaves {@code mi} and
 * {@code memcheck}.
 */
package dev.vgharness.plan;
