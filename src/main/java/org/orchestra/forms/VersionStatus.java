package org.orchestra.forms;

/** Life of a form version: edited as a draft, frozen once published, superseded by the next publication. */
public enum VersionStatus {
	DRAFT, PUBLISHED, SUPERSEDED
}
