package org.orchestra.identity;

/** Citizens use the platform's services; staff work for one or more organisations. */
public enum AccountKind {
	CITIZEN, STAFF
}
