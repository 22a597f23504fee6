/* Tests for exercise 3: the two-bit adder from NAND perceptrons. */
#include "ex_check.h"

static int gates_used;

/* The NAND perceptron of the chapter (w = -2, -2, b = 3), counting calls.
 * It refuses anything but bits so wiring mistakes show up. */
int ex_nand_gate(int a, int b)
{
    gates_used++;
    ck_assert_msg((a == 0 || a == 1) && (b == 0 || b == 1),
                  _("a gate got inputs %d and %d: gates take bits (0 or 1)"),
                  a, b);
    return -2 * a - 2 * b + 3 > 0;
}

static void expect_add(int x1, int x2)
{
    int sum = -1, carry = -1;
    gates_used = 0;
    ex_adder(x1, x2, &sum, &carry);
    ck_assert_msg(sum == (x1 ^ x2) && carry == (x1 & x2),
                  _("%d + %d: expected sum %d carry %d, got sum %d carry %d"),
                  x1, x2, x1 ^ x2, x1 & x2, sum, carry);
    ck_assert_msg(gates_used == 5, _("%d + %d used %d NAND gates: build both "
                  "bits from ex_nand_gate calls only (the figure's 5 gates; "
                  "fewer means some logic is not done by gates)"), x1, x2,
                  gates_used);
}

START_TEST(test_zero_plus_zero_is_zero_carry_zero) { expect_add(0, 0); }
END_TEST
START_TEST(test_zero_plus_one_is_one_carry_zero) { expect_add(0, 1); }
END_TEST
START_TEST(test_one_plus_zero_is_one_carry_zero) { expect_add(1, 0); }
END_TEST
START_TEST(test_one_plus_one_is_zero_carry_one) { expect_add(1, 1); }
END_TEST

int main(void)
{
    Suite *s = suite_create("03_adder");
    EX_ADD(s, test_zero_plus_zero_is_zero_carry_zero);
    EX_ADD(s, test_zero_plus_one_is_one_carry_zero);
    EX_ADD(s, test_one_plus_zero_is_one_carry_zero);
    EX_ADD(s, test_one_plus_one_is_zero_carry_one);
    return ex_main(s);
}
