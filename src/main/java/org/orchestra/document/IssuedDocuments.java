package org.orchestra.document;

import org.springframework.data.jpa.repository.JpaRepository;

interface IssuedDocuments extends JpaRepository<IssuedDocument, String> {
}
