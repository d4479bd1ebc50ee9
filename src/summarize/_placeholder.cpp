// Placeholder so the concern builds before its first source lands; delete it then.
