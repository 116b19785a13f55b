package org.orchestra.incident;

/**
 * Who sees a comment, a photo or an event: everyone; the staff of the responsible organisation (contractors
 * included); or only its own staff, not contractors.
 */
public enum Visibility {
	PUBLIC, PRIVATE, CONFIDENTIAL
}
