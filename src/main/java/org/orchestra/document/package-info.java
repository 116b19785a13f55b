/**
 * Documents: content-addressed storage behind a port (file system by default), content types checked from the
 * bytes, PDF rendering from HTML templates with an embedded verification code, and the public verification
 * page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents",
		allowedDependencies = { "identity", "tenancy", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.document;
