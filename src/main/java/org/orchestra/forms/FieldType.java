package org.orchestra.forms;

/** The kinds of field a form step can hold. */
public enum FieldType {
	TEXT, LONG_TEXT, NUMBER, DATE, EMAIL, SINGLE_CHOICE, MULTIPLE_CHOICE, NATIONAL_NUMBER, ADDRESS, FILE, CONSENT;

	public boolean choice() {
		return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
	}
}
