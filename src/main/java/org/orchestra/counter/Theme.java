package org.orchestra.counter;

/** The themes residents browse the counter by. */
public enum Theme {
	POPULATION, CIVIL_STATUS, HEALTH, WORK, HOUSING, GRANTS, MOBILITY, JUSTICE
}
