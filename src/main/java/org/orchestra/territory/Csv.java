package org.orchestra.territory;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting, comma or semicolon separated). */
final class Csv {

	private Csv() {
	}

	static List<String> split(String line, char separator) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					cell.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == separator) {
				cells.add(cell.toString().trim());
				cell.setLength(0);
			}
			else {
				cell.append(ch);
			}
		}
		cells.add(cell.toString().trim());
		return cells;
	}

	static char separatorOf(String header) {
		return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
	}
}
