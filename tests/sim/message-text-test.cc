#include "message-text.h"

#include <catch2/catch.hpp>

using namespace retrotcp;

TEST_CASE("message text: UTF-8 is checked byte by byte")
{
    CHECK_FALSE(FindInvalidUtf8("plain ascii"));
    CHECK_FALSE(FindInvalidUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
    CHECK(*FindInvalidUtf8("ab\xff") == 2);
    CHECK(*FindInvalidUtf8("\xc3") == 0);             // cut short
    CHECK(*FindInvalidUtf8("x\xc0\xaf") == 1);        // overlong '/'
    CHECK(*FindInvalidUtf8("\xed\xa0\x80") == 0);     // a surrogate
    CHECK(*FindInvalidUtf8("\xf4\x90\x80\x80") == 0); // above U+10FFFF
    CHECK(*FindInvalidUtf8("ok\x80") == 2);           // a lone continuation byte
    CHECK(*Utf8Problem("abc\xfe") == "expected UTF-8 text, found byte 0xFE at offset 3");
    CHECK_FALSE(Utf8Problem("abc"));
}

TEST_CASE("message text: one printable line, long values cut")
{
    CHECK(Printable("a\nb\tc\rd") == "a\\nb\\tc\\rd");
    CHECK(Printable(std::string("a\0b", 3)) == "a\\u0000b");
    CHECK(Printable("x\x7f\x1b") == "x\\u007F\\u001B");
    CHECK(Printable("bad \xff byte") == "bad \\xFF byte");
    CHECK(Printable("caf\xc3\xa9") == "caf\xc3\xa9");
    CHECK(Printable(std::string(25000, 'x'), 10) == "xxxxxxxxxx... (25000 bytes)");
    CHECK(Quoted("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"");
    CHECK(Quoted(std::string(100, 'y'), 5) == "\"yyyyy\"... (100 bytes)");
}
