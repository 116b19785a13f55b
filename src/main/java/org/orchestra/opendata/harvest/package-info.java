/**
 * Harvesters of the four kinds of sources and the HTTP client that protects a run from broken, slow or
 * malicious sources.
 */
@org.jspecify.annotations.NullMarked
package org.orchestra.opendata.harvest;
