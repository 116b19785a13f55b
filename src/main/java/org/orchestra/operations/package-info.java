/**
 * Operations: health and readiness probes, metrics, the API documentation, and the platform's data directory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = "catalogue")
@org.jspecify.annotations.NullMarked
package org.orchestra.operations;
