package org.orchestra.document;

import java.util.List;
import java.util.UUID;

import org.orchestra.shared.Inserts;
import org.springframework.data.jpa.repository.JpaRepository;

interface Documents extends JpaRepository<Document, UUID>, Inserts<Document> {

	List<Document> findTop200ByOrderByCreatedAtDesc();
}
