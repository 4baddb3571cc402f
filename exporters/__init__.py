"""What leaves the room: PDFs, e-mail drafts, tables and the session JSON. No Qt."""
