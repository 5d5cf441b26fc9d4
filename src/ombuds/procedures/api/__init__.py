"""The procedures of a case through the API: disputed decisions, complaints, deadlines."""
