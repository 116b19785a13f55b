package org.orchestra.document;

import org.orchestra.shared.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

interface IssuedDocuments extends JpaRepository<IssuedDocument, String>, Inserts<IssuedDocument> {
}
