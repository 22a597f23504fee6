# The book's tests (issue 5).
#   tests/book/filter-errors.sh  the Lua filter stops the build on a missing
#                                or unused input (scratch books, ~2 s); the
#                                real exercises' test lines in both editions
#   tests/book/check.js          both editions opened in headless Chromium:
#                                headings, figures, MathML, listings, outputs,
#                                numbers, links and exercises against the
#                                sources; screenshots in build/book-test/
.PHONY: test-book test-book-filter book-path
test-book-filter:
	@tests/book/filter-errors.sh
test-book: test-book-filter book
	@node tests/book/check.js $(BUILD)/book-test
CHECK_TARGETS += test-book
HELP += "make test-book    check both editions of the book in headless Chromium (screenshots in build/book-test/)"

# Plain `make` ends by saying where the book is: this target comes after
# every other one (tests/*.mk are read last).
book-path: $(filter-out book-path,$(ALL_TARGETS))
	@$(BOOK_SAY)
ALL_TARGETS += book-path
