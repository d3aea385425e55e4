/**
 * Writers that turn a run result into the JSON report, JUnit XML, SARIF and HTML, and what CI needs around them:
 * source roots (which frames are the user's code), baselines, suppression files, reading JSON reports back and
 * merging shards. They never touch a process. Depends on {@code plan} (its result model), {@code memcheck},
 * {@code vgdb} and {@code mi}.
 */
package dev.vgharness.report;
