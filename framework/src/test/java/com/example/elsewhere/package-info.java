/** A package outside the project's own, for tests of how the command line finds experiments. */
package com.example.elsewhere;
