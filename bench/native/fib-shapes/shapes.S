# Hand-written variants of the native typed fib body (docs/benchmarks.md, "Native typed fib,
# second pass"): the code fib$typed had at cd2e75f less its temporaries' dead stores (fib_ours,
# with `leave`), the same with `mov rsp, rbp; pop rbp` (fib_noleave) or `add rsp, N; pop rbp`
# (fib_addrsp), without a frame pointer (fib_nofp), and with pushes for the frame (fib_fp_noslot).
# r15 points at a table whose stack-limit word is 0, so the guard never fires.
    .intel_syntax noprefix
    .text
    .globl fib_addrsp, fib_ours, fib_noleave, fib_nofp, fib_fp_noslot
    .p2align 6
fib_ours:
    push rbp
    mov rbp, rsp
    sub rsp, 0x40
    cmp rsp, [r15+0x10]
    jb 9f
    mov [rbp-0x10], rdi
    mov rax, rdi
    cmp rax, 2
    jge 1f
    leave
    ret
1:  sub rax, 1
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x260
    call fib_ours
    mov [rbp-0x20], rax
    mov rax, [rbp-0x10]
    sub rax, 2
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x300
    call fib_ours
    mov rcx, rax
    mov rax, [rbp-0x20]
    add rax, rcx
    leave
    ret
9:  ud2

    .p2align 6
fib_noleave:
    push rbp
    mov rbp, rsp
    sub rsp, 0x20
    cmp rsp, [r15+0x10]
    jb 9f
    mov [rbp-0x10], rdi
    mov rax, rdi
    cmp rax, 2
    jge 1f
    mov rsp, rbp
    pop rbp
    ret
1:  sub rax, 1
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x260
    call fib_noleave
    mov [rbp-0x18], rax
    mov rax, [rbp-0x10]
    sub rax, 2
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x300
    call fib_noleave
    mov rcx, rax
    mov rax, [rbp-0x18]
    add rax, rcx
    mov rsp, rbp
    pop rbp
    ret
9:  ud2

    .p2align 6
fib_nofp:
    sub rsp, 0x18
    cmp rsp, [r15+0x10]
    jb 9f
    mov [rsp], rdi
    mov rax, rdi
    cmp rax, 2
    jge 1f
    add rsp, 0x18
    ret
1:  sub rax, 1
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x260
    call fib_nofp
    mov [rsp+8], rax
    mov rax, [rsp]
    sub rax, 2
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x300
    call fib_nofp
    add rax, [rsp+8]
    add rsp, 0x18
    ret
9:  ud2

    .p2align 6
fib_fp_noslot:
    push rbp
    mov rbp, rsp
    cmp rsp, [r15+0x10]
    jb 9f
    mov rax, rdi
    cmp rax, 2
    jge 1f
    pop rbp
    ret
1:  push rdi
    push rax
    sub rax, 1
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x260
    call fib_fp_noslot
    mov [rbp-0x10], rax
    mov rax, [rbp-0x8]
    sub rax, 2
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x300
    call fib_fp_noslot
    add rax, [rbp-0x10]
    mov rsp, rbp
    pop rbp
    ret
9:  ud2

    .p2align 6
fib_addrsp:
    push rbp
    mov rbp, rsp
    sub rsp, 0x20
    cmp rsp, [r15+0x10]
    jb 9f
    mov [rbp-0x10], rdi
    mov rax, rdi
    cmp rax, 2
    jge 1f
    add rsp, 0x20
    pop rbp
    ret
1:  sub rax, 1
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x260
    call fib_addrsp
    mov [rbp-0x18], rax
    mov rax, [rbp-0x10]
    sub rax, 2
    mov rdi, rax
    mov qword ptr [r15+0x30], 0x300
    call fib_addrsp
    mov rcx, rax
    mov rax, [rbp-0x18]
    add rax, rcx
    add rsp, 0x20
    pop rbp
    ret
9:  ud2

